import { AsyncLocalStorage } from "node:async_hooks";
import { UpstreamError } from "../domain/ports.js";

/**
 * Runs calls through @100mslive/server-sdk and turns whatever it throws into an
 * UpstreamError, so none of its quirks pass the adapter.
 *
 * The hard part: for timeouts and refused connections the SDK throws the same plain
 * object `{code: undefined, name: "Unknown", message: "An unknown Error occurred!"}`,
 * having dropped axios's error. To tell them apart (and enforce a total deadline, which
 * axios 0.27's idle `timeout` is not) we wrap the SDK's axios adapter; the wrapper
 * records the transport error in an AsyncLocalStorage slot owned by the current call.
 */

/** The few members of the SDK's private axios instance we touch (axios is its dependency, not ours). */
export interface SdkAxios {
  defaults: { baseURL?: string; timeout?: number; adapter?: unknown };
}

interface AdapterConfig {
  signal?: AbortSignal;
}
type Adapter = (config: AdapterConfig) => Promise<unknown>;

export type HmsFailure =
  /** 100ms answered with an error status; `message` is its body's `message`. */
  | { kind: "http"; status: number; message: string }
  | { kind: "timeout" }
  /** No answer at all: refused, reset, DNS… `code` is Node's (ECONNREFUSED…). */
  | { kind: "unreachable"; code: string; detail: string }
  | { kind: "unexpected"; detail: string };

export type Attempt<T> = { ok: true; value: T } | { ok: false; failure: HmsFailure };

interface CallSlot {
  transport?: HmsFailure;
}

export class HmsCalls {
  private readonly slots = new AsyncLocalStorage<CallSlot>();

  constructor(
    axios: SdkAxios,
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    const original = axios.defaults.adapter;
    if (typeof original !== "function") throw new Error("@100mslive/server-sdk: unexpected axios instance (no adapter)");
    const adapter = original as Adapter;
    axios.defaults.adapter = async (config: AdapterConfig) => {
      const deadline = AbortSignal.timeout(timeoutMs);
      try {
        return await adapter({ ...config, signal: config.signal ?? deadline });
      } catch (e) {
        const slot = this.slots.getStore();
        if (slot && !hasResponse(e)) slot.transport = deadline.aborted ? { kind: "timeout" } : transportFailure(e);
        throw e;
      }
    };
  }

  /** Runs one SDK call and reports how it failed instead of throwing. */
  async attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
    const slot: CallSlot = {};
    try {
      return { ok: true, value: await this.slots.run(slot, call) };
    } catch (e) {
      return { ok: false, failure: classify(e, slot) };
    }
  }

  /** Runs one SDK call; any failure becomes an UpstreamError that says what we were doing. */
  async run<T>(doing: string, call: () => Promise<T>): Promise<T> {
    const result = await this.attempt(call);
    if (result.ok) return result.value;
    throw this.error(doing, result.failure);
  }

  error(doing: string, f: HmsFailure): UpstreamError {
    switch (f.kind) {
      case "timeout":
        return new UpstreamError("100ms", `100ms did not answer within ${this.timeoutMs} ms while ${doing}`);
      case "unreachable":
        return new UpstreamError("100ms", `cannot reach 100ms at ${this.baseUrl} (${f.code}) while ${doing}`);
      case "unexpected":
        return new UpstreamError("100ms", `unexpected failure of the 100ms client while ${doing}: ${f.detail}`);
      case "http":
        return new UpstreamError("100ms", httpMessage(doing, f.status, f.message), f.status);
    }
  }
}

function httpMessage(doing: string, status: number, message: string): string {
  const said = `${status} "${message}"`;
  if (status === 401) return `100ms rejected our credentials (${said}) while ${doing}: check HMS_APP_ACCESS_KEY and HMS_APP_SECRET`;
  if (status === 429) return `100ms is rate limiting us (${said}) while ${doing}; retry later`;
  if (status >= 500) return `100ms failed (${said}) while ${doing}; retry later`;
  return `100ms refused the request (${said}) while ${doing}: this is a bug or a misconfiguration on our side`;
}

function hasResponse(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { response?: unknown }).response !== undefined;
}

function transportFailure(e: unknown): HmsFailure {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === "string" ? err.code : "NO_RESPONSE";
  const detail = typeof err?.message === "string" ? err.message : String(e);
  // axios 0.27 reports its own idle timeout as ECONNABORTED ("timeout of N ms exceeded").
  if (code === "ECONNABORTED" || code === "ETIMEDOUT") return { kind: "timeout" };
  return { kind: "unreachable", code, detail };
}

/** The SDK throws plain `{code, name, message}` objects (code = HTTP status, or undefined). */
function classify(e: unknown, slot: CallSlot): HmsFailure {
  if (slot.transport) return slot.transport;
  if (typeof e === "object" && e !== null && !(e instanceof Error)) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "number" && code >= 400) {
      return { kind: "http", status: code, message: typeof message === "string" ? message : "" };
    }
    return { kind: "unexpected", detail: typeof message === "string" ? message : JSON.stringify(e) };
  }
  return { kind: "unexpected", detail: e instanceof Error ? e.message : String(e) };
}
