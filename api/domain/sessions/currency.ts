/**
 * ISO-4217 knowledge comes from the ICU data built into Node (Intl), so the list stays
 * current with Node releases instead of a table we would have to maintain.
 */
const codes = new Set(Intl.supportedValuesOf("currency"));

export const isCurrencyCode = (code: string): boolean => /^[A-Z]{3}$/.test(code) && codes.has(code);

/** Digits after the decimal point for amounts in this currency (INR 2, JPY 0, KWD 3). */
export function minorUnitDigits(code: string): number {
  if (!isCurrencyCode(code)) return 2;
  return new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
}
