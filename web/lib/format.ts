/** Display helpers shared by server and browser rendering. */
import type { PaymentGateway, SessionStatus, SessionType } from "../graphql/__generated__/graphql";

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
export function formatWhen(iso: string, timeZone?: string, endIso?: string): string {
  const day = { weekday: "short", day: "numeric", month: "short" } as const;
  const time = { hour: "2-digit", minute: "2-digit", timeZone } as const;
  if (!endIso) return new Intl.DateTimeFormat("en", { ...day, ...time, timeZoneName: "short" }).format(new Date(iso));
  // "Thu, Dec 3, 10:00 AM – 11:00 AM UTC". Not formatRange: its spacing differs between
  // Node's ICU and the browser's, and the page must hydrate as the server rendered it.
  const start = new Intl.DateTimeFormat("en", { ...day, ...time }).format(new Date(iso));
  const end = new Intl.DateTimeFormat("en", { ...time, timeZoneName: "short" }).format(new Date(endIso));
  return `${start} – ${end}`;
}

/** "5 min", "2 h 5 min", "3 days": a time ahead of at least two minutes, rounded up to the minute. */
function timeAhead(msAhead: number): string {
  const minutes = Math.ceil(msAhead / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? "" : "s"}`;
}

/** "starts in 2 h 5 min" for a start ahead (under a week), "starting now" in its last minute; null otherwise. */
export function startsInLabel(msAhead: number): string | null {
  if (msAhead <= 0 || msAhead > 7 * 86_400_000) return null;
  return msAhead <= 60_000 ? "starting now" : `starts in ${timeAhead(msAhead)}`;
}

/** For a class in progress: "ends in 42 min", "ending now" in its last minute, and once the time is up, says so. */
export function endsInLabel(msAhead: number): string {
  if (msAhead <= 0) return "past its scheduled end";
  return msAhead <= 60_000 ? "ending now" : `ends in ${timeAhead(msAhead)}`;
}

// Keyed by the schema's enums (generated types): a value added there and not here does not compile.
export const STATUS_LABEL: Record<SessionStatus, string> = {
  SCHEDULED: "Upcoming",
  LIVE: "Live now",
  ENDED: "Ended",
  CANCELLED: "Cancelled",
};

export const TYPE_LABEL: Record<SessionType, string> = { ONE_ON_ONE: "1-on-1", GROUP: "Group", WORKSHOP: "Workshop" };

export const GATEWAY_NAME: Record<PaymentGateway, string> = { STRIPE: "Stripe", RAZORPAY: "Razorpay" };
