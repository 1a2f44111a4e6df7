import { expect } from "vitest";
import { DomainError, type DomainErrorCode } from "../domain/errors.js";

/** Awaits a promise that must fail with this domain code (and message, if given). */
export async function expectDomainError(promise: Promise<unknown>, code: DomainErrorCode, message?: RegExp): Promise<DomainError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a ${code} DomainError, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const domainError = error as DomainError;
  expect(domainError.code).toBe(code);
  if (message) expect(domainError.message).toMatch(message);
  return domainError;
}
