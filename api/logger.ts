import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured JSON logs. Credentials are redacted wherever they could appear, so a token,
 * secret or cookie never reaches the log output even when a whole request, its headers or
 * an HTTP client's error (which carries the request it made) is logged.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: [
        "token",
        "secret",
        "password",
        "authorization",
        "cookie",
        "*.token",
        "*.secret",
        "*.password",
        "*.authorization",
        "*.cookie",
        // Request and response headers, wherever a request is logged whole.
        "*.headers.authorization",
        "*.headers.Authorization",
        "*.headers.cookie",
        "*.headers.Cookie",
        '*.headers["set-cookie"]',
        '*.headers["Set-Cookie"]',
        '*.headers["x-webhook-secret"]',
        // An axios error (the 100ms SDK's) carries the request it made, management token included.
        "*.config.headers.Authorization",
        "*.config.headers.authorization",
        "*.response.config.headers.Authorization",
        "*.response.config.headers.authorization",
        "*.request._header",
      ],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Query parameters that carry credentials: OAuth codes and state, tokens, signatures. */
const SECRET_PARAMS = /^(code|state|session_state|token|access_token|id_token|refresh_token|client_secret|secret|password|signature|sig|x-amz-signature|x-amz-credential|x-amz-security-token)$/i;

/** A URL as it may be logged: the values of credential-bearing query parameters replaced. */
export function loggableUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const params = url.slice(q + 1).split("&").map((pair) => {
    const eq = pair.indexOf("=");
    const name = eq < 0 ? pair : pair.slice(0, eq);
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // A name that is not valid percent-encoding is logged as it came.
    }
    return eq >= 0 && SECRET_PARAMS.test(decoded) ? `${name}=[redacted]` : pair;
  });
  return `${url.slice(0, q)}?${params.join("&")}`;
}
