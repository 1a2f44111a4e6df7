/**
 * Every local stand-in refuses to start in production, whatever the settings say: the
 * environment check (api/config/env.ts) is the first guard, this is the last one, at the
 * stand-in itself, so that no wiring mistake can put one in front of real users. The
 * message says what to set instead.
 */
export function refuseInProduction(message: string): void {
  if (process.env.NODE_ENV === "production") throw new Error(message);
}
