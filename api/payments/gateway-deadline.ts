import { UpstreamError } from "../domain/ports.js";

/**
 * Runs one gateway call under a total deadline. The call gets an AbortSignal to cancel
 * its request with; whatever happens, the caller hears back within `ms` (a library whose
 * own timeout only counts idle time cannot keep an enrollment waiting longer).
 */
export async function withDeadline<T>(gateway: string, doing: string, ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new UpstreamError(gateway, `${gateway} did not answer ${doing} within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
