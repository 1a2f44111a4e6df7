/** Display helpers shared by server and browser rendering. */

export function formatPrice(price: number, currency: string, isFree: boolean): string {
  if (isFree) return "Free";
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(price);
}

export function durationLabel(startIso: string, endIso: string): string {
  const minutes = Math.round((Date.parse(endIso) - Date.parse(startIso)) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/**
 * Date and time in the viewer's time zone. The server renders UTC first; the browser
 * re-renders with its own zone after hydration (see LocalTime).
 */
export function formatWhen(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat("en", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

export const STATUS_LABEL: Record<string, string> = {
  SCHEDULED: "Upcoming",
  LIVE: "Live now",
  ENDED: "Ended",
  CANCELLED: "Cancelled",
};

export const TYPE_LABEL: Record<string, string> = { ONE_ON_ONE: "1-on-1", GROUP: "Group", WORKSHOP: "Workshop" };
