/** The domain's public surface, bound to its dependencies once per process. */
import { recordRoomEvent } from "./attendance/attendance-service.js";
import type { ServiceDeps } from "./deps.js";
import { submitFeedback } from "./feedback/feedback-service.js";
import { checkoutGateway, startCheckout } from "./payments/checkout-service.js";
import { takeAddressAttempt } from "./rate-limits/address-limits.js";
import { sessionsConnection } from "./sessions/sessions-connection.js";
import { myEnrollmentsConnection, participantsConnection } from "./sessions/enrollment-connections.js";
import { claimIdempotentRequest, finishIdempotentRequest, releaseIdempotentRequest } from "./idempotency/idempotent-requests.js";
import type { Identity } from "./ports.js";
import { recordingUrl } from "./recordings/recording-service.js";
import { enroll, joinToken, myEnrollments } from "./sessions/enrollment-service.js";
import { cancelSession, createSession, endSession, getSession, listSessions, startSession } from "./sessions/session-service.js";
import { sessionPermissions, type SessionPermissions } from "./sessions/session-permissions.js";
import type { ParticipantRow, RefundRow, SessionRow, WaitlistEntryRow } from "../db/schema.js";
import { cancelEnrollment } from "./sessions/booking-service.js";
import { joinWaitlist, leaveWaitlist, myWaitlist, waitlistPosition } from "./sessions/waitlist-service.js";
import { allRefunds, myRefunds } from "./payments/refund-views.js";
import { DEFAULT_BOOKING_POLICY } from "./sessions/booking-policy.js";
import { cancellationDeadline, cancellationPolicyText } from "./sessions/booking-rules.js";
import { getExpertProfile } from "./users/expert-profile.js";
import { updateSession } from "./sessions/session-editing.js";
import { resolveViewer } from "./users/user-service.js";
import { endSignInSession, endUserSessions, identityOfSignInSession, signOutEverywhere, startSignInSession } from "./sign-in/sign-in-sessions.js";
import type { Viewer } from "./viewer.js";
import { noteBrowserTimeZone, notificationSettings, sessionCalendar, unsubscribe, updateNotificationSettings, type SessionCalendar } from "./notifications/notification-preferences.js";
import { watchMySessions, watchSession } from "./live-updates/session-watch.js";
import { createWebhookEndpoint, deleteWebhookEndpoint, myWebhookEndpoints, resendWebhookDelivery, rotateWebhookSecret, updateWebhookEndpoint, webhookDeliveries } from "./webhooks-out/endpoint-service.js";

type Bound<F> = F extends (deps: ServiceDeps, ...args: infer A) => infer R ? (...args: A) => R : never;

export interface Services {
  resolveViewer(identity: Identity): Promise<Viewer>;
  createSession: Bound<typeof createSession>;
  listSessions: Bound<typeof listSessions>;
  /** The sessions as a Relay connection, walked by keyset: stable while sessions are added. */
  sessionsConnection: Bound<typeof sessionsConnection>;
  participantsConnection: Bound<typeof participantsConnection>;
  myEnrollmentsConnection: Bound<typeof myEnrollmentsConnection>;
  getSession: Bound<typeof getSession>;
  startSession: Bound<typeof startSession>;
  endSession: Bound<typeof endSession>;
  cancelSession: Bound<typeof cancelSession>;
  updateSession: Bound<typeof updateSession>;
  enroll: Bound<typeof enroll>;
  joinToken: Bound<typeof joinToken>;
  /** A room event, read from the video service's webhook and authenticated by its adapter (api/webhooks). */
  recordRoomEvent: Bound<typeof recordRoomEvent>;
  recordingUrl: Bound<typeof recordingUrl>;
  submitFeedback: Bound<typeof submitFeedback>;
  myEnrollments: Bound<typeof myEnrollments>;
  /** Opens a Stripe PaymentIntent or Razorpay order for the web checkout of a priced session. */
  startCheckout: Bound<typeof startCheckout>;
  /** Which gateway's checkout takes a session's price; null when free or none is configured. */
  checkoutGateway: Bound<typeof checkoutGateway>;
  /** What the viewer may do with the session now, from rows already read (no query of its own). */
  sessionPermissions(viewer: Viewer | null, session: SessionRow, enrollment: ParticipantRow | null, waitlistEntry?: WaitlistEntryRow | null): SessionPermissions;
  /** A student cancelling their own booking before the cut-off: the seat is freed, a paid one refunded. */
  cancelEnrollment: Bound<typeof cancelEnrollment>;
  joinWaitlist: Bound<typeof joinWaitlist>;
  leaveWaitlist: Bound<typeof leaveWaitlist>;
  myWaitlist: Bound<typeof myWaitlist>;
  expertProfile: Bound<typeof getExpertProfile>;
  waitlistPosition: Bound<typeof waitlistPosition>;
  /** The signed-in user's refunds, newest first. */
  myRefunds: Bound<typeof myRefunds>;
  /** Everyone's refunds in a state (admins only). */
  allRefunds: Bound<typeof allRefunds>;
  /** The booking policy in words, and the last moment a session's bookings may be cancelled. */
  cancellationPolicy(): string;
  cancellationDeadline(session: SessionRow): Date;
  /** Counts a request without credentials, or a sign-in, from a network address; RATE_LIMITED when over. */
  takeAddressAttempt: Bound<typeof takeAddressAttempt>;
  /** Idempotency keys of POSTs and mutations: claim one for a request (or get its first answer), then keep or release the answer. */
  claimIdempotentRequest: Bound<typeof claimIdempotentRequest>;
  finishIdempotentRequest: Bound<typeof finishIdempotentRequest>;
  releaseIdempotentRequest: Bound<typeof releaseIdempotentRequest>;
  /** Web sign-in sessions: start one after the provider's callback, read one per request, end one. */
  startSignInSession: Bound<typeof startSignInSession>;
  identityOfSignInSession: Bound<typeof identityOfSignInSession>;
  endSignInSession: Bound<typeof endSignInSession>;
  signOutEverywhere: Bound<typeof signOutEverywhere>;
  endUserSessions: Bound<typeof endUserSessions>;
  /** The signed-in user's time zone and email choices; change them; the browser's zone while none is set. */
  notificationSettings: Bound<typeof notificationSettings>;
  updateNotificationSettings: Bound<typeof updateNotificationSettings>;
  noteBrowserTimeZone: Bound<typeof noteBrowserTimeZone>;
  /** An email's signed unsubscribe link: what it turns off (and, with `apply`, turning it off). No sign-in. */
  unsubscribe: Bound<typeof unsubscribe>;
  /** The session for the viewer's calendar (.ics and a Google Calendar link), from rows already read; null unless theirs. */
  sessionCalendar(viewer: Viewer | null, session: SessionRow, enrollment: ParticipantRow | null, joinUrl: string): SessionCalendar | null;
  /** Outbound webhooks: an expert's or admin's endpoints, their delivery log, and a resend. */
  createWebhookEndpoint: Bound<typeof createWebhookEndpoint>;
  myWebhookEndpoints: Bound<typeof myWebhookEndpoints>;
  updateWebhookEndpoint: Bound<typeof updateWebhookEndpoint>;
  deleteWebhookEndpoint: Bound<typeof deleteWebhookEndpoint>;
  rotateWebhookSecret: Bound<typeof rotateWebhookSecret>;
  webhookDeliveries: Bound<typeof webhookDeliveries>;
  resendWebhookDelivery: Bound<typeof resendWebhookDelivery>;
  /** Live subscriptions: a session, or an expert's own sessions, each time they change. */
  watchSession: Bound<typeof watchSession>;
  watchMySessions: Bound<typeof watchMySessions>;
}

export function createServices(deps: ServiceDeps): Services {
  return {
    resolveViewer: (identity) => resolveViewer(deps, identity),
    createSession: (...a) => createSession(deps, ...a),
    listSessions: (...a) => listSessions(deps, ...a),
    getSession: (...a) => getSession(deps, ...a),
    startSession: (...a) => startSession(deps, ...a),
    endSession: (...a) => endSession(deps, ...a),
    cancelSession: (...a) => cancelSession(deps, ...a),
    updateSession: (...a) => updateSession(deps, ...a),
    enroll: (...a) => enroll(deps, ...a),
    joinToken: (...a) => joinToken(deps, ...a),
    recordRoomEvent: (...a) => recordRoomEvent(deps, ...a),
    recordingUrl: (...a) => recordingUrl(deps, ...a),
    submitFeedback: (...a) => submitFeedback(deps, ...a),
    myEnrollments: (...a) => myEnrollments(deps, ...a),
    startCheckout: (...a) => startCheckout(deps, ...a),
    checkoutGateway: (...a) => checkoutGateway(deps, ...a),
    sessionPermissions: (viewer, session, enrollment, waitlistEntry) =>
      sessionPermissions({ viewer, session, enrollment, waitlistEntry, booking: deps.booking, now: deps.clock.now(), gateway: checkoutGateway(deps, session) }),
    cancelEnrollment: (...a) => cancelEnrollment(deps, ...a),
    joinWaitlist: (...a) => joinWaitlist(deps, ...a),
    leaveWaitlist: (...a) => leaveWaitlist(deps, ...a),
    myWaitlist: (...a) => myWaitlist(deps, ...a),
    expertProfile: (...a) => getExpertProfile(deps, ...a),
    waitlistPosition: (...a) => waitlistPosition(deps, ...a),
    myRefunds: (...a) => myRefunds(deps, ...a),
    allRefunds: (...a) => allRefunds(deps, ...a),
    cancellationPolicy: () => cancellationPolicyText(deps.booking ?? DEFAULT_BOOKING_POLICY),
    cancellationDeadline: (session) => cancellationDeadline(session, deps.booking ?? DEFAULT_BOOKING_POLICY),
    takeAddressAttempt: (...a) => takeAddressAttempt(deps, ...a),
    sessionsConnection: (...a) => sessionsConnection(deps, ...a),
    participantsConnection: (...a) => participantsConnection(deps, ...a),
    myEnrollmentsConnection: (...a) => myEnrollmentsConnection(deps, ...a),
    claimIdempotentRequest: (...a) => claimIdempotentRequest(deps, ...a),
    finishIdempotentRequest: (...a) => finishIdempotentRequest(deps, ...a),
    releaseIdempotentRequest: (...a) => releaseIdempotentRequest(deps, ...a),
    startSignInSession: (...a) => startSignInSession(deps, ...a),
    identityOfSignInSession: (...a) => identityOfSignInSession(deps, ...a),
    endSignInSession: (...a) => endSignInSession(deps, ...a),
    signOutEverywhere: (...a) => signOutEverywhere(deps, ...a),
    endUserSessions: (...a) => endUserSessions(deps, ...a),
    notificationSettings: (...a) => notificationSettings(deps, ...a),
    updateNotificationSettings: (...a) => updateNotificationSettings(deps, ...a),
    noteBrowserTimeZone: (...a) => noteBrowserTimeZone(deps, ...a),
    unsubscribe: (...a) => unsubscribe(deps, ...a),
    sessionCalendar: (...a) => sessionCalendar(deps, ...a),
    createWebhookEndpoint: (...a) => createWebhookEndpoint(deps, ...a),
    myWebhookEndpoints: (...a) => myWebhookEndpoints(deps, ...a),
    updateWebhookEndpoint: (...a) => updateWebhookEndpoint(deps, ...a),
    deleteWebhookEndpoint: (...a) => deleteWebhookEndpoint(deps, ...a),
    rotateWebhookSecret: (...a) => rotateWebhookSecret(deps, ...a),
    webhookDeliveries: (...a) => webhookDeliveries(deps, ...a),
    resendWebhookDelivery: (...a) => resendWebhookDelivery(deps, ...a),
    watchSession: (...a) => watchSession(deps, ...a),
    watchMySessions: (...a) => watchMySessions(deps, ...a),
  };
}
