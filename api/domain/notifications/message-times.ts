/** Times as an email shows them: in the recipient's zone, with the zone named. */

/** True for a zone name this runtime knows (IANA, e.g. `Asia/Kolkata`). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return zone.length <= 64;
  } catch {
    return false;
  }
}

/** `Wednesday 16 January 2030, 14:30 (Asia/Kolkata)`; UTC when the user has no zone (or an unknown one). */
export function formatInZone(at: Date, zone: string | null): string {
  const timeZone = zone && isKnownTimeZone(zone) ? zone : "UTC";
  // Assembled from parts: the punctuation ICU puts between them differs between Node versions.
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")} (${timeZone})`;
}

/** `14:30` in the zone: the end of a class on the same day as its start. */
export function formatClockInZone(at: Date, zone: string | null): string {
  const timeZone = zone && isKnownTimeZone(zone) ? zone : "UTC";
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}
