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

/** A price in major units (499.5 INR) as the gateways count it, in minor units (49950 paise). */
export function toMinorUnits(amount: number, code: string): number {
  return Math.round(amount * 10 ** minorUnitDigits(code));
}

/** Minor units back to a price, for messages: 49950 INR → "499.50 INR". */
export function formatMinorUnits(amountMinor: number, code: string): string {
  const digits = minorUnitDigits(code);
  return `${(amountMinor / 10 ** digits).toFixed(digits)} ${code}`;
}
