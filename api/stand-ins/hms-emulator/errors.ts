/**
 * Every emulator failure, REST or control API, is answered as 100ms documents its 4XX
 * bodies: `{code, message, details: []}` (docs/100ms.md#errors). The server SDK only reads
 * `message` and the status, so one shape for everything is safe.
 */
export class HmsApiError extends Error {
  override readonly name = "HmsApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }

  body(): { code: number; message: string; details: string[] } {
    return { code: this.status, message: this.message, details: this.details };
  }
}

export const badRequest = (message: string, ...details: string[]) =>
  new HmsApiError(400, message, details);
export const unauthorized = (message: string, ...details: string[]) =>
  new HmsApiError(401, message, details);
export const forbidden = (message: string, ...details: string[]) =>
  new HmsApiError(403, message, details);
export const notFound = (message: string, ...details: string[]) =>
  new HmsApiError(404, message, details);
