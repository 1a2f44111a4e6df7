import pino, { type Logger } from "pino";

/**
 * Structured JSON logs. Credentials are redacted wherever they could appear, so a token
 * or cookie can never reach the log output even when a whole request is logged.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'res.headers["set-cookie"]',
        "*.token",
        "*.secret",
        "*.password",
      ],
      censor: "[redacted]",
    },
  });
}
