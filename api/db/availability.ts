/**
 * Telling "the database is not there" apart from every other database error. When
 * PostgreSQL is stopped, restarting, unreachable or refusing connections, a request can
 * only be answered "try again shortly" (503); anything else (a constraint, a bad query) is
 * our bug and stays a 500. This is the only module that knows the drivers' error shapes.
 */

/** What made the database unavailable, safe to log: no SQL, no parameters. */
export interface DatabaseUnavailability {
  /** The driver's, Node's or PostgreSQL's code: CONNECTION_CLOSED, ECONNREFUSED, 57P01… */
  code: string;
  message: string;
}

/** postgres-js's own connection errors (node_modules/postgres/src/errors.js). */
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);

/** The socket never connected or broke: PostgreSQL is down or unreachable. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** SQLSTATEs that mean "the server, not the statement": connection exceptions and shutdowns. */
function unavailableSqlState(code: string, error: Record<string, unknown>): boolean {
  if (code.startsWith("08")) return true; // connection_exception and its subclasses
  if (code === "57P01" || code === "57P02" || code === "57P03") return true; // admin/crash shutdown, cannot connect now
  if (code === "53300") return true; // too_many_connections
  // ALTER DATABASE … ALLOW_CONNECTIONS false (maintenance): refused while a backend starts.
  if (code === "55000" && error.routine === "CheckMyDatabase") return true;
  return false;
}

const isSqlState = (code: string) => /^[0-9A-Z]{5}$/.test(code);

/**
 * The reason, when `error` (or anything in its `cause` chain: Drizzle wraps every failed
 * query in a DrizzleQueryError) says the database cannot be reached; undefined otherwise.
 */
export function databaseUnavailability(error: unknown): DatabaseUnavailability | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    const e = current as Record<string, unknown>;
    const code = typeof e.code === "string" ? e.code : undefined;
    if (code && (DRIVER_CODES.has(code) || SOCKET_CODES.has(code) || (isSqlState(code) && unavailableSqlState(code, e)))) {
      return { code, message: typeof e.message === "string" ? e.message : code };
    }
    // Node reports a failed connect to every address of a host as one AggregateError.
    if (current instanceof AggregateError && current.errors.some((inner) => databaseUnavailability(inner))) {
      return databaseUnavailability(current.errors.find((inner) => databaseUnavailability(inner)));
    }
    current = e.cause;
  }
  return undefined;
}

export const isDatabaseUnavailable = (error: unknown): boolean => databaseUnavailability(error) !== undefined;

export class DatabaseTimeout extends Error {
  override readonly name = "DatabaseTimeout";
  readonly code = "PING_TIMEOUT";
}

/**
 * Runs the readiness query with a deadline: a database that hangs (a dropped network,
 * a connect that never completes) must make /readyz say "not ready" quickly, not hang it.
 */
export async function pingWithin(ping: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeout(`The database did not answer within ${timeoutMs} ms.`)), timeoutMs);
  });
  try {
    await Promise.race([ping(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
