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

// Keyed by the schema's enums (generated types): a value added there and not here does not compile.
export const STATUS_LABEL: Record<SessionStatus, string> = {
  SCHEDULED: "Upcoming",
  LIVE: "Live now",
  ENDED: "Ended",
  CANCELLED: "Cancelled",
};

export const TYPE_LABEL: Record<SessionType, string> = { ONE_ON_ONE: "1-on-1", GROUP: "Group", WORKSHOP: "Workshop" };

export const GATEWAY_NAME: Record<PaymentGateway, string> = { STRIPE: "Stripe", RAZORPAY: "Razorpay" };
