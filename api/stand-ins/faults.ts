/**
 * Fault injection, so tests can see how callers behave when 100ms fails or stalls.
 *
 * A fault is addressed by a route key: the HTTP method, a space, and the route pattern
 * relative to `/v2` exactly as the emulator's route table spells it, e.g.
 * `POST /rooms`, `GET /rooms/:id`, `POST /room-codes/room/:id/role/:role`,
 * `POST /active-rooms/:id/end-room`. `*` matches every `/v2` route. Unknown keys are
 * refused, so a typo cannot make a test silently pass.
 *
 * Faults apply before token checks. Queued faults for one key are used in order; each
 * applies `times` requests (failNext: 1, setFault: forever unless given). A specific
 * key is consulted before `*`. Beware the server SDK retries once after a 401/403, so a
 * one-time 401 fault is invisible through it.
 */
import type { RequestRecord } from "./request-log.js";

export interface FaultSpec {
  /** Answer with this status and `{code, message, details}`. Default 500 unless `delayMs`/`hang` alone. */
  status?: number;
  message?: string;
  /** Wait this long, then answer (with `status` if given, else normally). */
  delayMs?: number;
  /** Never answer; the connection stays open until the client gives up or the emulator closes. */
  hang?: boolean;
  /** How many matching requests this fault applies to. */
  times?: number;
}

export interface ActiveFault {
  route: string;
  status?: number;
  message: string;
  delayMs: number;
  hang: boolean;
  remaining: number;
}

export const ANY_ROUTE = "*";

/**
 * Applies the fault injected for this call, if any: marks its record, waits out a delay,
 * and throws an injected status as the stand-in's own error (`failure`). Answers "hang"
 * when the request must stay unanswered: the client's deadline has to end it, and the
 * stand-in's close() destroys the socket.
 */
export async function applyFault(
  fault: ActiveFault | undefined,
  record: RequestRecord,
  sleep: (ms: number) => Promise<void>,
  failure: (status: number, message: string) => Error,
): Promise<"hang" | undefined> {
  if (!fault) return undefined;
  record.fault = true;
  if (fault.hang) return "hang";
  if (fault.delayMs > 0) await sleep(fault.delayMs);
  if (fault.status !== undefined) throw failure(fault.status, fault.message);
  return undefined;
}

export class FaultRegistry {
  private readonly queues = new Map<string, ActiveFault[]>();

  constructor(private readonly knownRoutes: ReadonlySet<string>) {}

  add(route: string, spec: FaultSpec, defaultTimes: number): ActiveFault {
    if (route !== ANY_ROUTE && !this.knownRoutes.has(route)) {
      throw new Error(`Unknown route key "${route}". Known: ${[...this.knownRoutes].join(", ")}, or "*"`);
    }
    const times = spec.times ?? defaultTimes;
    if (!(times > 0)) throw new Error("times must be a positive number");
    if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 400 && spec.status <= 599)) {
      throw new Error("status must be an HTTP error status (400-599)");
    }
    if (spec.delayMs !== undefined && !(spec.delayMs >= 0)) throw new Error("delayMs must be >= 0");
    const delayOnly = spec.status === undefined && (spec.delayMs !== undefined || spec.hang === true);
    const fault: ActiveFault = {
      route,
      status: delayOnly ? undefined : (spec.status ?? 500),
      message: spec.message ?? "emulated fault",
      delayMs: spec.delayMs ?? 0,
      hang: spec.hang ?? false,
      remaining: times,
    };
    const queue = this.queues.get(route) ?? [];
    queue.push(fault);
    this.queues.set(route, queue);
    return fault;
  }

  /** Consumes one use of the fault that applies to this request, if any. */
  take(route: string): ActiveFault | undefined {
    return this.takeFrom(route) ?? this.takeFrom(ANY_ROUTE);
  }

  clear(): void {
    this.queues.clear();
  }

  list(): ActiveFault[] {
    return [...this.queues.values()].flat().map((f) => ({ ...f }));
  }

  private takeFrom(key: string): ActiveFault | undefined {
    const queue = this.queues.get(key);
    const fault = queue?.[0];
    if (!queue || !fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) queue.shift();
    if (queue.length === 0) this.queues.delete(key);
    return { ...fault };
  }
}

/**
 * Delays for slow and hanging faults that `close()` can cut short, so a stand-in never
 * keeps the process alive after its test or server is done.
 */
export function cancellableSleeps(): { sleep(ms: number): Promise<void>; cancelAll(): void } {
  const timers = new Set<NodeJS.Timeout>();
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, ms);
        timers.add(t);
      }),
    cancelAll: () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
