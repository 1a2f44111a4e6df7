import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured JSON logs. Credentials are redacted wherever they could appear, so a token,
 * secret or cookie never reaches the log output even when a whole request, its headers or
 * an HTTP client's error (which carries the request it made) is logged. Email addresses
 * (personal data, not needed to follow a request) are withheld the same way.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    serializers: { err: serializeError },
    // The last guard: whatever a message, an error or a driver put in a line, no address leaves.
    hooks: { streamWrite: withoutEmailAddresses },
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

/**
 * The server process's logger: lines leave through pino's asynchronous destination, so a
 * request (every one is logged at info) never waits for stdout's write. What is buffered is
 * written by `flush()` (the shutdown calls it before exiting; pino also flushes on `exit`).
 * `dest`: a file descriptor (stdout by default) or a path.
 */
export function createProcessLogger(level: string, dest: number | string = 1): { logger: Logger; flush(): void } {
  const destination = pino.destination({ dest, sync: false });
  return {
    logger: createLogger(level, destination),
    flush() {
      try {
        destination.flushSync();
      } catch {
        // Not open yet (a path still opening) or already closed: nothing buffered to lose.
      }
    },
  };
}

/**
 * Query parameters that carry credentials: OAuth codes and state, tokens, keys, signatures,
 * and anything named like one (a gateway's `payment_intent_client_secret`, an `api_key`):
 * redacting a harmless `postcode` costs nothing, logging a new gateway's secret would.
 */
const SECRET_PARAMS = /secret|token|code|password|passwd|key|signature|credential|^(state|session_state|sig)$/i;

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

/** Shaped like an email address, plain or percent-encoded (a URL's `%40`), inside any JSON string. */
const EMAIL_ADDRESS = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/gi;

/** A serialized log line with every email address replaced. */
export function withoutEmailAddresses(line: string): string {
  return line.includes("@") || line.includes("%40") ? line.replace(EMAIL_ADDRESS, "[email]") : line;
}

/**
 * pino's error serializer (message, stack and causes), without the values a failed query
 * was given: Drizzle puts every parameter in its error's message (`params: …`), and those
 * are people's names, email addresses and texts. The SQL stays; it is what one debugs with.
 */
export function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as unknown;
  if (typeof serialized !== "object" || serialized === null) return serialized;
  const out = serialized as Record<string, unknown>;
  const seen = new Set<unknown>();
  for (let e: unknown = err; typeof e === "object" && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const params = (e as { params?: unknown }).params ?? (e as { parameters?: unknown }).parameters;
    if (!Array.isArray(params) || params.length === 0) continue;
    const shown = `params: ${String(params)}`;
    const withheld = `params: [${params.length} values withheld]`;
    for (const key of ["message", "stack"] as const) {
      if (typeof out[key] === "string") out[key] = (out[key] as string).split(shown).join(withheld);
    }
  }
  delete out.params;
  delete out.parameters;
  return out;
}
