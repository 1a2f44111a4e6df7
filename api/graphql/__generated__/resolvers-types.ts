import type { SessionStatus } from '../enum-values.js';
import type { SessionType } from '../enum-values.js';
import type { VideoRole } from '../enum-values.js';
import type { PaymentGateway } from '../enum-values.js';
import type { RefusalCode } from '../enum-values.js';
import type { WebhookDeliveryStatus } from '../enum-values.js';
import type { SessionOrder } from '../enum-values.js';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { SessionRow, ParticipantRow, UserRow, RefundRow, WaitlistEntryRow, WebhookEndpointRow, WebhookDeliveryAttemptRow } from '../../db/schema.js';
import type { StartedSession, EndedSession } from '../../domain/sessions/session-service.js';
import type { IssuedJoinToken } from '../../domain/sessions/enrollment-service.js';
import type { RecordingPlayback } from '../../domain/recordings/recording-service.js';
import type { FeedbackSummary, FeedbackEntry } from '../../domain/feedback/feedback-rules.js';
import type { SessionPermissions as SessionPermissionsModel, Ability as AbilityModel } from '../../domain/sessions/session-permissions.js';
import type { CancelledBooking } from '../../domain/sessions/booking-service.js';
import type { ExpertProfile as ExpertProfileModel } from '../../domain/users/expert-profile.js';
import type { EndpointWithSecret, DeliveryLogEntry } from '../../domain/webhooks-out/endpoint-service.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
export type EnumResolverSignature<T, AllowedValues = any> = { [key in keyof T]?: AllowedValues };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 instant in UTC, e.g. 2025-11-01T08:00:00.000Z. */
  DateTime: { input: string; output: Date | string; }
  /** Arbitrary JSON, used for nothing but opaque extension data. */
  JSON: { input: unknown; output: unknown; }
};

/**
 * Whether the viewer may do one thing now. Answered by the same rules the mutation runs, so
 * `allowed` is true exactly when the mutation would take effect; two refusals are not the
 * mutation's own: the per-user rate limits (the mutation says when to retry), and an action
 * already done (enrolling again, starting a live session, ending an ended one), which the
 * mutation accepts harmlessly but which is not offered (`code` CONFLICT).
 */
export type Ability = {
  __typename?: 'Ability';
  /** Whether the mutation would take effect now. */
  allowed: Scalars['Boolean']['output'];
  /**
   * Allowed, but worth a second question first, as a sentence to ask the person: starting a
   * session more than 15 minutes before its scheduled time. Null otherwise.
   */
  caution?: Maybe<Scalars['String']['output']>;
  /** The `extensions.code` the mutation would answer (CONFLICT for an action already done); null when allowed. */
  code?: Maybe<RefusalCode>;
  /**
   * Why not, as a sentence to show the person: the message the mutation would answer. For a
   * viewer who is not signed in, what the session refuses to everyone comes first ("This
   * session has ended; enrollment is closed."), otherwise it says to sign in.
   */
  reason?: Maybe<Scalars['String']['output']>;
};

/** A cancelled booking: the session, and the refund for a paid seat. */
export type CancelEnrollmentResult = {
  __typename?: 'CancelEnrollmentResult';
  /** The refund owed for a paid seat (PENDING at first); null for a free one. */
  refund?: Maybe<Refund>;
  /** The session, its seat freed. */
  session: LiveSession;
};

/** A payment opened with a gateway, for its checkout in the browser. */
export type Checkout = {
  __typename?: 'Checkout';
  /** The price in major units of `currency` (499.5 for ₹499.50), as every amount in this API; the same as `LiveSession.price`. */
  amount: Scalars['Float']['output'];
  /**
   * The same price in the currency's minor units (paise, cents; yen as they are): the one
   * amount in this API in minor units, because it is what the gateway's checkout widget takes
   * (Stripe's and Razorpay's `amount`).
   */
  amountInMinorUnits: Scalars['Int']['output'];
  /** Stripe only: the PaymentIntent's client secret, for the Payment Element. */
  clientSecret?: Maybe<Scalars['String']['output']>;
  /** ISO-4217 code. */
  currency: Scalars['String']['output'];
  /** The gateway to pay with; pass it as `PaymentInput.paymentGateway`. */
  gateway: PaymentGateway;
  /** The gateway's public key: the Stripe publishable key or the Razorpay key id. */
  publicKey: Scalars['String']['output'];
  /** Stripe: the PaymentIntent id (pi_…). Razorpay: the order id (order_…) for Razorpay Checkout's `order_id`. */
  reference: Scalars['ID']['output'];
};

/** A new session. Times are UTC ISO-8601; the price is in major units of the currency. */
export type CreateSessionInput = {
  /** ISO-4217 code; defaults to INR. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Admins only. */
  featured?: InputMaybe<Scalars['Boolean']['input']>;
  /** 1–2500; leave out for no cap. */
  maxParticipants?: InputMaybe<Scalars['Int']['input']>;
  /** Category, difficulty, equipment and tags. */
  metadata?: InputMaybe<SessionMetadataInput>;
  /** The price of a seat in major units of `currency` (499.5 for ₹499.50): 0 (free, the default) to 1,000,000, with at most the currency's decimals (2 at most). */
  price?: InputMaybe<Scalars['Float']['input']>;
  /** After the start, at most 6 hours later. */
  scheduledEndTime: Scalars['DateTime']['input'];
  /** Must be in the future. */
  scheduledStartTime: Scalars['DateTime']['input'];
  /** Defaults to GROUP. ONE_ON_ONE always has one seat. */
  sessionType?: InputMaybe<SessionType>;
  /** An http(s) URL. */
  thumbnail?: InputMaybe<Scalars['String']['input']>;
  /** 3–120 characters. */
  title: Scalars['String']['input'];
};

/** A new webhook endpoint. */
export type CreateWebhookEndpointInput = {
  /** Event types to receive, e.g. ["session.started", "enrollment.created"]. */
  events: Array<Scalars['String']['input']>;
  /** https://… (http:// allowed outside production), reaching a public address. */
  url: Scalars['String']['input'];
};

/** An ended session and how long it ran. */
export type EndSessionResult = {
  __typename?: 'EndSessionResult';
  /** Whole minutes from the actual start to the end. */
  duration: Scalars['Int']['output'];
  /** The session, now ENDED. */
  session: LiveSession;
  /** The session that ended (`LiveSession.id`). */
  sessionId: Scalars['ID']['output'];
};

/** A participant's enrollment (the seed's LiveSessionParticipant). */
export type Enrollment = {
  __typename?: 'Enrollment';
  /** What they paid, in major units of the session's currency; null for a free seat. */
  amountPaid?: Maybe<Scalars['Float']['output']>;
  /** Whether they were in the video room at some point. */
  attended: Scalars['Boolean']['output'];
  /** The seed's count of chat messages sent in the room; chat is not counted by this server yet, so it is 0. */
  chatMessages: Scalars['Int']['output'];
  /** When the enrollment was stored (UTC ISO-8601). */
  createdAt: Scalars['DateTime']['output'];
  /** When they took the seat (UTC ISO-8601). */
  enrolledAt: Scalars['DateTime']['output'];
  /** When the rating was given or last changed. */
  feedbackAt?: Maybe<Scalars['DateTime']['output']>;
  /** Their comment with the rating, if they wrote one. */
  feedbackComment?: Maybe<Scalars['String']['output']>;
  /** 1–5, once they rated the session. */
  feedbackRating?: Maybe<Scalars['Int']['output']>;
  /** Also called participantId. */
  id: Scalars['ID']['output'];
  /** When they first entered the room. */
  joinedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When they last left the room; null while they are in it. */
  leftAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether the seat was paid for. */
  paid: Scalars['Boolean']['output'];
  /** The same as `id` (the seed's name for it). */
  participantId: Scalars['ID']['output'];
  /** The gateway that took the payment; null for a free seat. */
  paymentGateway?: Maybe<PaymentGateway>;
  /** The gateway's payment id (Stripe pi_…, Razorpay pay_…); null for a free seat. */
  paymentId?: Maybe<Scalars['String']['output']>;
  /** The refund of this enrollment's payment, once one is owed (the class was cancelled). For the student, the session's expert and admins. */
  refund?: Maybe<Refund>;
  /** The session the seat is in. */
  session: LiveSession;
  /** The session the seat is in (`LiveSession.id`). */
  sessionId: Scalars['ID']['output'];
  /** When it last changed (UTC ISO-8601): attendance, rating, refund. */
  updatedAt: Scalars['DateTime']['output'];
  /** An http(s) URL of the student's picture; null when they have none. */
  userAvatar?: Maybe<Scalars['String']['output']>;
  /** The student's email: for the student themself and the session's expert; null for anyone else. */
  userEmail?: Maybe<Scalars['String']['output']>;
  /** The student (`User.id`). */
  userId: Scalars['ID']['output'];
  /** The student's name. */
  userName: Scalars['String']['output'];
  /** Seconds spent in the room, across reconnects and devices (time on two devices at once counts once). */
  watchTime: Scalars['Int']['output'];
};

/** A page of enrollments (a session's participants, or the viewer's own bookings), in the Relay connection shape. */
export type EnrollmentConnection = {
  __typename?: 'EnrollmentConnection';
  /** The enrollments on this page, each with its cursor. */
  edges: Array<EnrollmentEdge>;
  /** Where this page sits in the walk. */
  pageInfo: PageInfo;
  /** How many enrollments the whole walk has, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One enrollment in a connection, with the cursor that marks its place. */
export type EnrollmentEdge = {
  __typename?: 'EnrollmentEdge';
  /** Opaque: pass it as `after` to read on from here. */
  cursor: Scalars['String']['output'];
  /** The enrollment. */
  node: Enrollment;
};

/** An expert as anyone may see them. */
export type ExpertProfile = {
  __typename?: 'ExpertProfile';
  /** An http(s) URL of the expert's picture; null when they have none. */
  avatar?: Maybe<Scalars['String']['output']>;
  /** Mean of those ratings (1–5), two decimals; null before anyone rated. */
  averageRating?: Maybe<Scalars['Float']['output']>;
  /** The expert's `User.id`. */
  id: Scalars['ID']['output'];
  /** The expert's name. */
  name: Scalars['String']['output'];
  /** How many ratings students gave the expert's classes, all classes together. */
  ratingCount: Scalars['Int']['output'];
};

/** One participant's rating with a comment. */
export type FeedbackComment = {
  __typename?: 'FeedbackComment';
  /** When they rated (UTC ISO-8601). */
  at: Scalars['DateTime']['output'];
  /** What they wrote. */
  comment: Scalars['String']['output'];
  /** The enrollment that rated (`Enrollment.id`). */
  participantId: Scalars['ID']['output'];
  /** 1–5. */
  rating: Scalars['Int']['output'];
  /** The student's name. */
  userName: Scalars['String']['output'];
};

/** A rating of an ended session. */
export type FeedbackInput = {
  /** Up to 2000 characters. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** 1–5. */
  rating: Scalars['Int']['input'];
};

/** 100ms identifiers of the session's room. Visible to the session's expert only. */
export type HmsDetails = {
  __typename?: 'HmsDetails';
  /** The 100ms recording's id, once 100ms reported one. */
  recordingId?: Maybe<Scalars['String']['output']>;
  /** The 100ms room code for the host's role. */
  roomCode: Scalars['String']['output'];
  /** The 100ms room id. */
  roomId: Scalars['String']['output'];
  /** The id 100ms gave the room's current or last session; null before anyone joined. */
  sessionId?: Maybe<Scalars['String']['output']>;
};

/** A 100ms auth token to enter a session's video room. */
export type JoinToken = {
  __typename?: 'JoinToken';
  /** When the token stops working (UTC ISO-8601); ask for a new one after. */
  expiresAt: Scalars['DateTime']['output'];
  /** The role it grants in the room. */
  role: VideoRole;
  /** The 100ms auth token (a JWT) for the 100ms SDK's `join`. */
  token: Scalars['String']['output'];
  /** The name the person shows in the room. */
  userName: Scalars['String']['output'];
};

/** A live class an expert scheduled: when it is, what it costs, its seats, its state and its video room. */
export type LiveSession = {
  __typename?: 'LiveSession';
  /** When it ended (UTC ISO-8601); null before. */
  actualEndTime?: Maybe<Scalars['DateTime']['output']>;
  /** When its expert started it (UTC ISO-8601); null before. */
  actualStartTime?: Maybe<Scalars['DateTime']['output']>;
  /** Distinct students who were in the video room at some point (the expert is not counted). */
  attendedCount: Scalars['Int']['output'];
  /** Whether the viewer may watch a recording that exists: ask `recordingUrl` for the link. The same as `viewerCan.watchRecording.allowed`. */
  canWatchRecording: Scalars['Boolean']['output'];
  /** Until when students may cancel their booking (a paid seat is refunded in full). */
  cancellationDeadline: Scalars['DateTime']['output'];
  /** The booking and refund policy in words, to show before paying. */
  cancellationPolicy: Scalars['String']['output'];
  /** Why it was cancelled, for its students ("Cancelled by the expert", "Not started by the expert"…); null unless CANCELLED. */
  cancellationReason?: Maybe<Scalars['String']['output']>;
  /** When the session was cancelled; null unless CANCELLED. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * The gateway whose checkout takes this session's price. Null for a free session, or when
   * this server has no gateway that can take payments (priced sessions cannot be booked then).
   */
  checkoutGateway?: Maybe<PaymentGateway>;
  /** When it was scheduled (UTC ISO-8601). */
  createdAt: Scalars['DateTime']['output'];
  /** ISO-4217 code. */
  currency: Scalars['String']['output'];
  /** Students in the video room right now (the expert is not counted); 0 unless LIVE. */
  currentViewers: Scalars['Int']['output'];
  /** What the class is about, up to 5000 characters (empty when none was given). */
  description: Scalars['String']['output'];
  /** How many students hold a seat. */
  enrolledCount: Scalars['Int']['output'];
  /** The expert who runs it. */
  expert: User;
  /** An http(s) URL of the expert's picture; null when they have none. */
  expertAvatar?: Maybe<Scalars['String']['output']>;
  /** The expert who runs it (`User.id`). */
  expertId: Scalars['ID']['output'];
  /** The expert's name. */
  expertName: Scalars['String']['output'];
  /** Whether an admin featured it (shown first in the web app). */
  featured: Scalars['Boolean']['output'];
  /** Participants' ratings and comments. Null unless the viewer is the session's expert. */
  feedback?: Maybe<SessionFeedback>;
  /** Null unless the viewer is the session's expert. */
  hmsDetails?: Maybe<HmsDetails>;
  /** The session's id (ses_…). */
  id: Scalars['ID']['output'];
  /** Whether `price` is 0: enroll without paying. */
  isFree: Scalars['Boolean']['output'];
  /** Seats; null means no cap. */
  maxParticipants?: Maybe<Scalars['Int']['output']>;
  /** Category, difficulty, equipment and tags; null when none were given. */
  metadata?: Maybe<SessionMetadata>;
  /** Everyone enrolled, in the order they enrolled. Null unless the viewer is the session's expert. */
  participants?: Maybe<Array<Enrollment>>;
  /**
   * Everyone enrolled as a Relay connection, in the order they enrolled (then by id), for
   * walking every page: a student enrolling while a client pages is neither repeated nor
   * skipped. Null unless the viewer is the session's expert, as `participants`.
   */
  participantsConnection?: Maybe<EnrollmentConnection>;
  /** The price of a seat in major units of `currency` (499.5 for ₹499.50); 0 for a free session. */
  price: Scalars['Float']['output'];
  /** The seed's field for a recording filed as a lesson in another catalogue; nothing in this server sets it, so it is null. */
  recordedLessonId?: Maybe<Scalars['String']['output']>;
  /** Whether 100ms reported a finished recording. */
  recordingAvailable: Scalars['Boolean']['output'];
  /** Where 100ms stored the recording (e.g. an s3:// path); not a playable link. */
  recordingS3Key?: Maybe<Scalars['String']['output']>;
  /** When it is scheduled to end (UTC ISO-8601), at most 6 hours after the start. */
  scheduledEndTime: Scalars['DateTime']['output'];
  /** When it is scheduled to start (UTC ISO-8601). */
  scheduledStartTime: Scalars['DateTime']['output'];
  /** Seats left; null when there is no cap. */
  seatsLeft?: Maybe<Scalars['Int']['output']>;
  /** What kind of class it is. */
  sessionType: SessionType;
  /** Where the session is in its life. */
  status: SessionStatus;
  /** An http(s) URL of its picture; null when none was given. */
  thumbnail?: Maybe<Scalars['String']['output']>;
  /** The class's title, 3–120 characters. */
  title: Scalars['String']['output'];
  /** When it last changed (UTC ISO-8601). */
  updatedAt: Scalars['DateTime']['output'];
  /** The class for the viewer's calendar. Null unless the viewer is its expert or enrolled, or once it is cancelled. */
  viewerCalendar?: Maybe<SessionCalendar>;
  /**
   * What the viewer may do with this session now, and why not when they may not: ask this
   * rather than re-deriving the rules from `status`, the times and the enrollment (for
   * example a scheduled session whose scheduled end has passed can no longer be started or
   * enrolled in). Computed from what the session's page already loads: it costs no query.
   */
  viewerCan: SessionPermissions;
  /** The viewer's own enrollment in this session, if any. */
  viewerEnrollment?: Maybe<Enrollment>;
  /** Whether the viewer is this session's expert: the one who starts, hosts and ends it. */
  viewerIsHost: Scalars['Boolean']['output'];
  /** The viewer's latest refund for this session (the class was cancelled, or they cancelled their booking). */
  viewerRefund?: Maybe<Refund>;
  /** The viewer's place on this session's waitlist, if they are on it. */
  viewerWaitlist?: Maybe<WaitlistPlace>;
};


/** A live class an expert scheduled: when it is, what it costs, its seats, its state and its video room. */
export type LiveSessionParticipantsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Cancel the signed-in student's own booking, until `LiveSession.cancellationDeadline`
   * (CANCELLATION_CUTOFF_MINUTES before the start; FAILED_PRECONDITION after). The seat is freed
   * (and offered to the waitlist); a paid seat is refunded in full (`refund`).
   */
  cancelEnrollment: CancelEnrollmentResult;
  /**
   * Cancel a scheduled session (its expert, or an admin). Every paid enrollment is refunded in
   * full through the gateway that took it: `Enrollment.refund` is PENDING until the gateway
   * accepts it, then REFUNDED.
   */
  cancelSession: LiveSession;
  /** Schedule a session (experts only). It starts in SCHEDULED; start it to open the video room. */
  createSession: LiveSession;
  /**
   * Register a URL to receive events (experts: their own classes; admins: every class). The
   * answer carries the endpoint's signing `secret`, shown this once (`rotateWebhookSecret` makes a
   * new one).
   *
   * Events: `session.created`, `session.updated` (its details, time or seats changed through `updateSession`, or its enrolled count changed), `session.started`,
   * `session.ended`, `session.cancelled`, `enrollment.created`, `enrollment.cancelled`,
   * `attendance.updated` (the room's figures; at most one per session per 10 s, carrying the
   * newest), `recording.ready`, `refund.created`, `refund.succeeded`, `refund.failed`.
   *
   * Delivery follows Standard Webhooks (standardwebhooks.com): a POST with the JSON body
   * `{"type": "<event>", "timestamp": "<ISO-8601 of the change>", "data": {...}}` and the headers
   * `webhook-id` (the same on every retry: deduplicate by it), `webhook-timestamp` (seconds) and
   * `webhook-signature` (`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` with the secret).
   * `data.session` is the session after the change; enrollment events add `data.enrollment`,
   * refund events `data.refund`. Verify with any Standard Webhooks library (README).
   *
   * Any 2xx answer within 10 s is a success. Otherwise the delivery is retried with exponential
   * backoff (doubling from a few seconds up to an hour) for 24 hours; at least once, in no
   * guaranteed order. An endpoint whose deliveries all fail for 3 days is disabled
   * (`disabledReason`). URLs must be https (http is allowed outside production) and reach a
   * public address: private, link-local, unique-local, CGNAT, multicast and (in production)
   * loopback addresses are refused, at registration and at every delivery (BAD_USER_INPUT).
   */
  createWebhookEndpoint: WebhookEndpointSecret;
  /** Remove an endpoint and its delivery log. True when it existed. */
  deleteWebhookEndpoint: Scalars['Boolean']['output'];
  /** End a live session and close its room for everyone (the session's expert only). Ending twice is harmless. */
  endSession: EndSessionResult;
  /**
   * End every web sign-in session of a user (admins only), e.g. for a lost device or an account
   * taken over. NOT_FOUND when no user has the id.
   */
  endUserSessions: SignOutResult;
  /**
   * Enroll the signed-in user. Enrolling twice returns the first enrollment. A priced session
   * needs `payment`, which the server checks with the gateway before taking a seat: it must
   * come from `startCheckout` for this session by this user, be completed (Stripe
   * PaymentIntent `succeeded`, Razorpay payment `captured`), for the session's price in its
   * currency, and not have paid for any enrollment before (BAD_USER_INPUT otherwise). If the gateway cannot be reached: UPSTREAM_UNAVAILABLE,
   * nothing was stored, retry.
   */
  enroll: Enrollment;
  /** A 100ms auth token for the session's room: HOST for its expert, GUEST for enrolled participants. */
  joinToken: JoinToken;
  /**
   * Join a full session's waitlist (FAILED_PRECONDITION while seats are free: enroll instead).
   * Joining twice answers with the place held. A freed seat goes to the first in line at once:
   * a free class enrolls them; a paid class holds it for them until `WaitlistPlace.offeredUntil`.
   */
  joinWaitlist: WaitlistPlace;
  /** Leave a session's waitlist (a seat held for you goes to the next in line). False when you were not on it. */
  leaveWaitlist: Scalars['Boolean']['output'];
  /**
   * The browser's time zone, kept only while the signed-in user has none (the web app sends it
   * after the first sign-in); a zone the user chose is never replaced.
   */
  noteBrowserTimeZone: NotificationSettings;
  /** Send a delivery again, with the same `webhook-id`, and a fresh 24 hours of retries. */
  resendWebhookDelivery: WebhookDelivery;
  /** A new signing secret, shown this once; the old one stops signing at once. */
  rotateWebhookSecret: WebhookEndpointSecret;
  /**
   * End every web sign-in session of the signed-in user, on every device, the one making this
   * call included: their session cookies stop working at once. Bearer access tokens are not
   * sessions; they stay valid until they expire, but never bring back roles the user has lost
   * since they were issued.
   */
  signOutEverywhere: SignOutResult;
  /**
   * Open a payment for a priced session with the gateway its currency suits (see
   * `LiveSession.checkoutGateway`): a Stripe PaymentIntent or a Razorpay order, for the
   * gateway's own checkout in the browser. It grants nothing by itself: once paid, call
   * `enroll` with the payment's reference (the PaymentIntent id, or the Razorpay payment id).
   */
  startCheckout: Checkout;
  /** Open the 100ms room (the session's expert only). Starting a live session again returns the same room. */
  startSession: StartSessionResult;
  /**
   * Rate an ended session you attended, 1–5, with an optional comment. One rating per
   * participant: sending it again replaces it, until 7 days after the session ended.
   */
  submitFeedback: Enrollment;
  /**
   * Change the signed-in user's time zone (an IANA name such as `Europe/Berlin`, used for the
   * times in their emails) and which emails they get. Fields left out or null stay as they are.
   */
  updateNotificationSettings: NotificationSettings;
  /**
   * Change a scheduled session (its expert, or an admin): what it says, when it is, how many
   * seats. Only the fields given change. A new time is checked as at creation (start in the
   * future, end after it, at most 6 hours); `maxParticipants` cannot go below the seats
   * already taken (enrolled students and seats held for the waitlist); `null` removes the cap;
   * seats it frees go to the waitlist at once. A new time emails each enrolled student a
   * calendar update; integrators get `session.updated`.
   * Type, price and currency cannot change once published. `viewerCan.edit` says beforehand.
   */
  updateSession: LiveSession;
  /** Change an endpoint's URL or events; `enabled: true` enables a disabled endpoint again (its failures are forgotten), `false` pauses it. */
  updateWebhookEndpoint: WebhookEndpoint;
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationCancelEnrollmentArgs = {
  sessionId: Scalars['ID']['input'];
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationCancelSessionArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  sessionId?: InputMaybe<Scalars['ID']['input']>;
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationCreateSessionArgs = {
  input: CreateSessionInput;
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationCreateWebhookEndpointArgs = {
  input: CreateWebhookEndpointInput;
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationDeleteWebhookEndpointArgs = {
  endpointId?: InputMaybe<Scalars['ID']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationEndSessionArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  sessionId?: InputMaybe<Scalars['ID']['input']>;
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationEndUserSessionsArgs = {
  userId: Scalars['ID']['input'];
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationEnrollArgs = {
  payment?: InputMaybe<PaymentInput>;
  sessionId: Scalars['ID']['input'];
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationJoinTokenArgs = {
  sessionId: Scalars['ID']['input'];
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationJoinWaitlistArgs = {
  sessionId: Scalars['ID']['input'];
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationLeaveWaitlistArgs = {
  sessionId: Scalars['ID']['input'];
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationNoteBrowserTimeZoneArgs = {
  timeZone: Scalars['String']['input'];
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationResendWebhookDeliveryArgs = {
  deliveryId?: InputMaybe<Scalars['ID']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationRotateWebhookSecretArgs = {
  endpointId?: InputMaybe<Scalars['ID']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationStartCheckoutArgs = {
  sessionId: Scalars['ID']['input'];
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationStartSessionArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  sessionId?: InputMaybe<Scalars['ID']['input']>;
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationSubmitFeedbackArgs = {
  input: FeedbackInput;
  sessionId: Scalars['ID']['input'];
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationUpdateNotificationSettingsArgs = {
  input: NotificationSettingsInput;
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationUpdateSessionArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: UpdateSessionInput;
  sessionId?: InputMaybe<Scalars['ID']['input']>;
};


/** What can be done: schedule, change, start, end and cancel sessions; pay for, take and cancel seats; join waitlists; rate classes; manage sign-ins, settings and webhook endpoints. */
export type MutationUpdateWebhookEndpointArgs = {
  endpointId?: InputMaybe<Scalars['ID']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  input: UpdateWebhookEndpointInput;
};

/** A user's time zone and email choices. */
export type NotificationSettings = {
  __typename?: 'NotificationSettings';
  /** Confirmations (with a calendar invitation), cancellations, recordings ready, and for experts new enrollments. */
  emailNotices: Scalars['Boolean']['output'];
  /** Reminders 24 hours and 15 minutes before each class they are enrolled in. */
  emailReminders: Scalars['Boolean']['output'];
  /** IANA time zone name the emails show times in; null until set (emails then use UTC). */
  timeZone?: Maybe<Scalars['String']['output']>;
};

/** Changes to the signed-in user's notification settings; fields left out or null stay as they are. */
export type NotificationSettingsInput = {
  /** Whether to get confirmations, cancellations, recordings ready and (experts) new enrollments. */
  emailNotices?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether to get reminders 24 hours and 15 minutes before each class. */
  emailReminders?: InputMaybe<Scalars['Boolean']['input']>;
  /** An IANA time zone name such as `Europe/Berlin`, for the times in emails. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** Relay's page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last edge's cursor; null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items follow the page in the walk's order. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Items come before the page in the walk's order (when paging forward: true whenever `after` was given). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor; null for an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

export { PaymentGateway };

/** A completed payment that pays for a seat. */
export type PaymentInput = {
  /** The gateway that took it (the `Checkout.gateway`). */
  paymentGateway: PaymentGateway;
  /** Stripe: the PaymentIntent id (pi_…). Razorpay: the payment id (pay_…). */
  paymentId: Scalars['String']['input'];
};

/** What can be read: sessions, one session, experts, and the signed-in user's own enrollments, refunds, waitlist places, settings and webhook endpoints. */
export type Query = {
  __typename?: 'Query';
  /**
   * An expert's public profile: name, picture and how their classes were rated. Null when no
   * user has this id or the user is not an expert. Their classes: `sessions(expertId:)`.
   */
  expert?: Maybe<ExpertProfile>;
  /** The signed-in user, or null when the request carries no credentials. */
  me?: Maybe<User>;
  /** The signed-in user's enrollments, soonest session first (at most 500; page with `myEnrollmentsConnection`). Null, with UNAUTHENTICATED in `errors`, when not signed in. */
  myEnrollments?: Maybe<Array<Enrollment>>;
  /**
   * The signed-in user's enrollments as a Relay connection, soonest session first (the order of
   * `myEnrollments`), for walking every page: cursors mark a place in that order (the session's
   * scheduled start, then its id), so an enrollment made while a client pages is neither repeated
   * nor skipped. Null, with UNAUTHENTICATED in `errors`, when not signed in.
   */
  myEnrollmentsConnection?: Maybe<EnrollmentConnection>;
  /** The signed-in user's refunds (classes cancelled, bookings they cancelled), newest first. Null, with UNAUTHENTICATED in `errors`, when not signed in. */
  myRefunds?: Maybe<Array<Refund>>;
  /** The waitlists the signed-in user is on, earliest joined first. Null, with UNAUTHENTICATED in `errors`, when not signed in. */
  myWaitlist?: Maybe<Array<WaitlistPlace>>;
  /** The signed-in user's time zone and which emails they get (UNAUTHENTICATED without credentials). */
  notificationSettings: NotificationSettings;
  /**
   * A short-lived link to watch the session's recording, fresh from 100ms on every call
   * (never stored). For the session's expert and its participants (who paid, for a priced
   * session); anyone else gets FORBIDDEN, a session without a recording NOT_FOUND: the field
   * is then null and the error is in `errors`, while the rest of the query keeps its answer.
   * `LiveSession.canWatchRecording` says beforehand whether to offer it.
   */
  recordingUrl?: Maybe<RecordingLink>;
  /**
   * Everyone's refunds, newest first, optionally in one state (admins only: FORBIDDEN for others).
   * FAILED ones carry `failureReason` and are settled by hand. Null, with the error in `errors`,
   * when refused.
   */
  refunds?: Maybe<Array<Refund>>;
  /** One session by id (cancelled ones included), or null. */
  session?: Maybe<LiveSession>;
  /**
   * Sessions, ordered by scheduled start then id. Without `status`, cancelled sessions are
   * left out. `limit` defaults to 20 (1–100); `skip` defaults to 0.
   */
  sessions: SessionPage;
  /**
   * The sessions as a Relay connection, for walking every page: cursors mark a place in the order
   * (scheduled start, then id), so sessions added while a client pages are neither repeated nor
   * skipped, as they can be with `sessions(limit, skip)`. Page forward with `first` (1–100, default
   * 20) and `after` (an edge's `cursor` or `pageInfo.endCursor`), or backward with `last` and
   * `before`; giving both `first` and `last` is BAD_USER_INPUT, as is a cursor this API did not give.
   */
  sessionsConnection: SessionConnection;
  /** An endpoint's latest deliveries, newest first, each with its last attempts (`limit` 1–100). */
  webhookDeliveries: Array<WebhookDelivery>;
  /** The signed-in expert's or admin's webhook endpoints (each owner sees only their own). */
  webhookEndpoints: Array<WebhookEndpoint>;
};


/** What can be read: sessions, one session, experts, and the signed-in user's own enrollments, refunds, waitlist places, settings and webhook endpoints. */
export type QueryExpertArgs = {
  id: Scalars['ID']['input'];
};


/** What can be read: sessions, one session, experts, and the signed-in user's own enrollments, refunds, waitlist places, settings and webhook endpoints. */
export type QueryMyEnrollmentsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** What can be read: sessions, one session, experts, and the signed-in user's own enrollments, refunds, waitlist places, settings and webhook endpoints. */
export type QueryRecordingUrlArgs = {
  sessionId: Scalars['ID']['input'];
};


/** What can be read: sessions, one session, experts, and the signed-in user's own enrollments, refunds, waitlist places, settings and webhook endpoints. */
export type QueryRefundsArgs = {
  status?: InputMaybe<RefundStatus>;
};


/** What can be read: sessions, one session, experts, and the signed-in user's own enrollments, refunds, waitlist places, settings and webhook endpoints. */
export type QuerySessionArgs = {
  id: Scalars['ID']['input'];
};


/** What can be read: sessions, one session, experts, and the signed-in user's own enrollments, refunds, waitlist places, settings and webhook endpoints. */
export type QuerySessionsArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  difficulty?: InputMaybe<Scalars['String']['input']>;
  expertId?: InputMaybe<Scalars['ID']['input']>;
  featured?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  skip?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<SessionStatus>;
};


/** What can be read: sessions, one session, experts, and the signed-in user's own enrollments, refunds, waitlist places, settings and webhook endpoints. */
export type QuerySessionsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SessionsFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<SessionOrder>;
};


/** What can be read: sessions, one session, experts, and the signed-in user's own enrollments, refunds, waitlist places, settings and webhook endpoints. */
export type QueryWebhookDeliveriesArgs = {
  endpointId: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
};

/** A link to a session's recording; it stops working at `expiresAt`, so ask again rather than storing it. */
export type RecordingLink = {
  __typename?: 'RecordingLink';
  /** Length of the recording, when 100ms says. */
  durationSeconds?: Maybe<Scalars['Int']['output']>;
  /** When the link stops working (UTC ISO-8601). */
  expiresAt: Scalars['DateTime']['output'];
  /** The playable https link (a signed 100ms URL). */
  url: Scalars['String']['output'];
};

/** Money owed back for one paid enrollment, in full. */
export type Refund = {
  __typename?: 'Refund';
  /** The full amount paid back, in major units of `currency` (499.5 for ₹499.50). */
  amount: Scalars['Float']['output'];
  /** Attempts made so far. */
  attempts: Scalars['Int']['output'];
  /** Why it is owed. */
  cause: RefundCause;
  /** When the refund became owed (UTC ISO-8601). */
  createdAt: Scalars['DateTime']['output'];
  /** ISO-4217 code. */
  currency: Scalars['String']['output'];
  /** When the refund was given up; null unless FAILED. */
  failedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it failed (the gateway's answer). Admins only; null for everyone else. */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** The gateway's refund id (Stripe `re_…`, Razorpay `rfnd_…`), once it made one. */
  gatewayRefundId?: Maybe<Scalars['String']['output']>;
  /** The refund's id. */
  id: Scalars['ID']['output'];
  /** The paid enrollment being refunded (`Enrollment.id`). */
  participantId: Scalars['ID']['output'];
  /** The gateway that took the payment and pays it back. */
  paymentGateway: PaymentGateway;
  /** The gateway's id of the payment refunded (Stripe pi_…, Razorpay pay_…). */
  paymentId: Scalars['String']['output'];
  /** When the gateway accepted the refund; null unless REFUNDED. */
  refundedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The session it was for. */
  session: LiveSession;
  /** The session it was for (`LiveSession.id`). */
  sessionId: Scalars['ID']['output'];
  /** Where the refund stands. */
  status: RefundStatus;
  /** The student owed it (`User.id`). */
  userId: Scalars['ID']['output'];
};

/** Why a refund is owed. */
export enum RefundCause {
  /** The student cancelled their own booking before the cut-off. */
  BookingCancelled = 'BOOKING_CANCELLED',
  /** The class's scheduled end passed without the expert starting it. */
  NotStarted = 'NOT_STARTED',
  /** The expert or an admin cancelled the class. */
  SessionCancelled = 'SESSION_CANCELLED'
}

/** Where a refund stands. */
export enum RefundStatus {
  /** The gateway refused it, or the retries ran out: the studio settles it by hand (`failureReason`, for admins). */
  Failed = 'FAILED',
  /** Owed, and being paid back by the gateway (retried while the gateway is down). */
  Pending = 'PENDING',
  /** The gateway accepted the full refund (`refundedAt`); the money reaches the student's account in the gateway's usual time. */
  Refunded = 'REFUNDED'
}

export { RefusalCode };

/** A class for the viewer's own calendar. */
export type SessionCalendar = {
  __typename?: 'SessionCalendar';
  /** Where the web app serves `ics` as a download. */
  downloadUrl: Scalars['String']['output'];
  /** A Google Calendar link that opens the event ready to save. */
  googleCalendarUrl: Scalars['String']['output'];
  /** An iCalendar file (RFC 5545, METHOD:PUBLISH, times in UTC) with the same UID as the emailed invitation. */
  ics: Scalars['String']['output'];
};

/** A page of sessions in the Relay connection shape. */
export type SessionConnection = {
  __typename?: 'SessionConnection';
  /** The page's sessions, each with its cursor, in the walk's order. */
  edges: Array<SessionEdge>;
  /** Where the page sits in the walk. */
  pageInfo: PageInfo;
  /** How many sessions match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One session of a connection's page. */
export type SessionEdge = {
  __typename?: 'SessionEdge';
  /** An opaque cursor: pass it as `after` or `before` to page from this session. */
  cursor: Scalars['String']['output'];
  /** The session. */
  node: LiveSession;
};

/** What the session's participants thought of it (its expert's view). */
export type SessionFeedback = {
  __typename?: 'SessionFeedback';
  /** Mean rating, two decimals; null before anyone rated. */
  averageRating?: Maybe<Scalars['Float']['output']>;
  /** The ratings that came with a comment, newest first. */
  comments: Array<FeedbackComment>;
  /** How many rated it. */
  count: Scalars['Int']['output'];
  /** How many gave 1, 2, 3, 4 and 5 stars, in that order. */
  ratingCounts: Array<Scalars['Int']['output']>;
};

/** Free-form details of a class, as its expert wrote them. */
export type SessionMetadata = {
  __typename?: 'SessionMetadata';
  /** The style or kind, e.g. `Vinyasa`. */
  category?: Maybe<Scalars['String']['output']>;
  /** The level, e.g. `Beginner`. */
  difficulty?: Maybe<Scalars['String']['output']>;
  /** What to bring, e.g. `mat`, `strap`. */
  equipment?: Maybe<Array<Scalars['String']['output']>>;
  /** Words to find the class by. */
  tags?: Maybe<Array<Scalars['String']['output']>>;
};

/** Free-form details of a class; each up to 50 characters. */
export type SessionMetadataInput = {
  /** The style or kind, e.g. `Vinyasa`. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** The level, e.g. `Beginner`. */
  difficulty?: InputMaybe<Scalars['String']['input']>;
  /** What to bring, e.g. `mat`, `strap`. */
  equipment?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Words to find the class by. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export { SessionOrder };

/** One offset page of sessions (`sessions(limit, skip)`). */
export type SessionPage = {
  __typename?: 'SessionPage';
  /** The sessions on this page, in order. */
  items: Array<LiveSession>;
  /** The page size used (the `limit` asked, or the default). */
  limit: Scalars['Int']['output'];
  /** How many sessions came before this page. */
  skip: Scalars['Int']['output'];
  /** How many sessions match the filters, across all pages. */
  total: Scalars['Int']['output'];
};

/** What the viewer may do with one session now (`LiveSession.viewerCan`); each names the mutation it answers for. */
export type SessionPermissions = {
  __typename?: 'SessionPermissions';
  /** `cancelSession`: call off a scheduled session (the session's expert). */
  cancel: Ability;
  /** `cancelEnrollment`: cancel the viewer's own booking (before the cut-off; a paid seat is refunded). */
  cancelEnrollment: Ability;
  /** `updateSession`: change a scheduled session's details, time or seats (the session's expert). */
  edit: Ability;
  /** `endSession`: close a live session's room for everyone (the session's expert). */
  end: Ability;
  /**
   * `enroll`: take a seat. For a priced session, allowed means a seat can be bought: open a
   * payment with `startCheckout`, then `enroll` with it.
   */
  enroll: Ability;
  /** `joinToken`: enter the live room, as its host (the expert) or a guest (an enrolled participant). */
  join: Ability;
  /** `joinWaitlist`: wait for a seat in a full session. */
  joinWaitlist: Ability;
  /** `leaveWaitlist`: give up the viewer's place on the waitlist. */
  leaveWaitlist: Ability;
  /** `submitFeedback`: rate the ended session (participants who attended, for 7 days; a new rating replaces the old). */
  rate: Ability;
  /** `startSession`: open the video room (the session's expert, before its scheduled end). */
  start: Ability;
  /**
   * Not a mutation: whether it is worth waiting for the room to open. Allowed for the
   * session's expert and its enrolled participants while it is scheduled and can still be
   * started; then `join` turns allowed once the expert starts it.
   */
  waitForStart: Ability;
  /**
   * `recordingUrl`: watch the recording. Allowed is decided without asking 100ms; the link
   * itself may still be NOT_FOUND if 100ms no longer has the file.
   */
  watchRecording: Ability;
};

export { SessionStatus };

export { SessionType };

/** What `sessionsConnection` lists; every field given must hold (AND). Empty: every session but cancelled ones. */
export type SessionsFilter = {
  /** metadata.category contains this text, ignoring case. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** metadata.difficulty is this, ignoring case. */
  difficulty?: InputMaybe<Scalars['String']['input']>;
  /** One expert's sessions (a `User.id`). */
  expertId?: InputMaybe<Scalars['ID']['input']>;
  /** Featured sessions only (true) or unfeatured ones (false). */
  featured?: InputMaybe<Scalars['Boolean']['input']>;
  /** Free sessions (price 0) when true, priced ones when false. */
  free?: InputMaybe<Scalars['Boolean']['input']>;
  /** Words that must each begin a word of the title, the description or the expert's name (up to 100 characters). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Scheduled to start at or after this time. */
  startsAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Scheduled to start before this time. */
  startsBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Any of these statuses (CANCELLED only when asked for). Leave out for every status but CANCELLED. */
  statuses?: InputMaybe<Array<SessionStatus>>;
};

/** Which web sign-ins were ended. */
export type SignOutResult = {
  __typename?: 'SignOutResult';
  /** How many sessions ended (0 when none was open). */
  endedSessions: Scalars['Int']['output'];
  /** The user whose web sign-in sessions ended. */
  userId: Scalars['ID']['output'];
};

/** A started session and its open video room. */
export type StartSessionResult = {
  __typename?: 'StartSessionResult';
  /** The 100ms room code for the host. */
  roomCode: Scalars['String']['output'];
  /** The 100ms room id. */
  roomId: Scalars['String']['output'];
  /** The session, now LIVE. */
  session: LiveSession;
  /** The expert's room page in the web app. */
  sessionUrl: Scalars['String']['output'];
};

/**
 * Live updates over WebSocket, with the `graphql-ws` protocol on the same `/graphql` path. Send the
 * Bearer token in `connection_init` (`{"authorization": "Bearer <token>"}`); a browser on the app's
 * own origin may use its sign-in cookie instead. A connection without valid credentials is closed
 * (4403). Limits: 5 connections per user, 10 subscriptions per connection (4429 / an error), and
 * the same depth and cost rules as queries. Over HTTP POST a subscription is refused (400).
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Each of the signed-in expert's own sessions as it changes (experts only: FORBIDDEN otherwise). */
  mySessionsUpdated: LiveSession;
  /** The session each time it changes: status, currentViewers, attendedCount, enrolledCount, recordingAvailable. NOT_FOUND for an unknown id. */
  sessionUpdated: LiveSession;
};


/**
 * Live updates over WebSocket, with the `graphql-ws` protocol on the same `/graphql` path. Send the
 * Bearer token in `connection_init` (`{"authorization": "Bearer <token>"}`); a browser on the app's
 * own origin may use its sign-in cookie instead. A connection without valid credentials is closed
 * (4403). Limits: 5 connections per user, 10 subscriptions per connection (4429 / an error), and
 * the same depth and cost rules as queries. Over HTTP POST a subscription is refused (400).
 */
export type SubscriptionSessionUpdatedArgs = {
  id: Scalars['ID']['input'];
};

/** The fields of a scheduled session that can change; those left out stay as they are. */
export type UpdateSessionInput = {
  /** Up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1–2500, not below the seats taken; null removes the cap (not for ONE_ON_ONE, which has one seat). */
  maxParticipants?: InputMaybe<Scalars['Int']['input']>;
  /** Replaces the whole metadata; null removes it. */
  metadata?: InputMaybe<SessionMetadataInput>;
  /** After the start, at most 6 hours later. */
  scheduledEndTime?: InputMaybe<Scalars['DateTime']['input']>;
  /** Must be in the future. */
  scheduledStartTime?: InputMaybe<Scalars['DateTime']['input']>;
  /** An http(s) URL; null removes it. */
  thumbnail?: InputMaybe<Scalars['String']['input']>;
  /** 3–120 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a webhook endpoint; fields left out stay as they are. */
export type UpdateWebhookEndpointInput = {
  /** True enables it again (its failures forgotten); false pauses it. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The event types to receive from now on (replaces the list). */
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A new https URL reaching a public address. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** A person who has signed in: a student, an expert or an admin. */
export type User = {
  __typename?: 'User';
  /** An http(s) URL of their picture; null when they have none. */
  avatar?: Maybe<Scalars['String']['output']>;
  /** Visible to the user themself (and admins) only. */
  email?: Maybe<Scalars['String']['output']>;
  /** The user's id (usr_…). */
  id: Scalars['ID']['output'];
  /** Whether they hold the `expert` role and may schedule sessions. */
  isExpert: Scalars['Boolean']['output'];
  /** The name shown to others, from the identity provider. */
  name: Scalars['String']['output'];
  /** Roles from the identity provider: `expert`, `admin`. */
  roles: Array<Scalars['String']['output']>;
};

export { VideoRole };

/** A student's place on a session's waitlist. */
export type WaitlistPlace = {
  __typename?: 'WaitlistPlace';
  /** When they joined the waitlist (UTC ISO-8601). */
  joinedAt: Scalars['DateTime']['output'];
  /** Whether a seat is held for this student: enroll (pay) before `offeredUntil`. */
  offered: Scalars['Boolean']['output'];
  /** Until when the offered seat is held; null unless offered. */
  offeredUntil?: Maybe<Scalars['DateTime']['output']>;
  /** 1 for the first in line; null once a seat has been offered. */
  position?: Maybe<Scalars['Int']['output']>;
  /** The full session waited for. */
  session: LiveSession;
  /** The full session waited for (`LiveSession.id`). */
  sessionId: Scalars['ID']['output'];
};

/** One event sent to one endpoint: its `id` is the `webhook-id` header. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Attempts made so far. */
  attemptCount: Scalars['Int']['output'];
  /** The last attempts, newest first (up to 10). */
  attempts: Array<WebhookDeliveryAttempt>;
  /** When the endpoint accepted it (UTC ISO-8601); null unless DELIVERED. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The event, e.g. `session.started`. */
  eventType: Scalars['String']['output'];
  /** The delivery's id, sent as the `webhook-id` header: the same on every retry. */
  id: Scalars['ID']['output'];
  /** Why the last attempt failed, in words; null after a success. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The HTTP status of the last answer; null when none came. */
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due, while PENDING. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the change happened (the body's `timestamp`). */
  occurredAt: Scalars['DateTime']['output'];
  /** The session the event is about (`LiveSession.id`). */
  sessionId: Scalars['ID']['output'];
  /** Where it stands. */
  status: WebhookDeliveryStatus;
};

/** One try at sending a delivery. */
export type WebhookDeliveryAttempt = {
  __typename?: 'WebhookDeliveryAttempt';
  /** When it was sent (UTC ISO-8601). */
  attemptedAt: Scalars['DateTime']['output'];
  /** Why it failed, in words; null when the receiver answered. */
  error?: Maybe<Scalars['String']['output']>;
  /** Milliseconds until the answer (or until it failed). */
  latencyMs: Scalars['Int']['output'];
  /** The receiver's HTTP status; null when none came (refused address, timeout, connection error). */
  statusCode?: Maybe<Scalars['Int']['output']>;
};

export { WebhookDeliveryStatus };

/** A URL that receives the events of the owner's classes (an admin's: every class). */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  /** True for an admin's endpoint: it hears every class, not only the owner's. */
  allSessions: Scalars['Boolean']['output'];
  /** When it was registered (UTC ISO-8601). */
  createdAt: Scalars['DateTime']['output'];
  /** When it was disabled or paused (UTC ISO-8601); null while enabled. */
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it was disabled, in words; null while enabled. */
  disabledReason?: Maybe<Scalars['String']['output']>;
  /** False when paused by its owner or disabled after 3 days of failures (see `disabledReason`). */
  enabled: Scalars['Boolean']['output'];
  /** The event types it receives. */
  events: Array<Scalars['String']['output']>;
  /** Since when every delivery has failed; null after a success. */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  /** The endpoint's id (whe_…). */
  id: Scalars['ID']['output'];
  /** When it last changed (UTC ISO-8601). */
  updatedAt: Scalars['DateTime']['output'];
  /** Where deliveries are POSTed. */
  url: Scalars['String']['output'];
};

/** An endpoint with its signing secret (`whsec_…`): answered only by createWebhookEndpoint and rotateWebhookSecret. */
export type WebhookEndpointSecret = {
  __typename?: 'WebhookEndpointSecret';
  /** The endpoint itself. */
  endpoint: WebhookEndpoint;
  /** The event types it receives. */
  events: Array<Scalars['String']['output']>;
  /** The endpoint's id (whe_…). */
  id: Scalars['ID']['output'];
  /** The signing secret (whsec_…), shown this once: keep it to verify `webhook-signature`. */
  secret: Scalars['String']['output'];
  /** Where deliveries are POSTed. */
  url: Scalars['String']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Ability: ResolverTypeWrapper<AbilityModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CancelEnrollmentResult: ResolverTypeWrapper<CancelledBooking>;
  Checkout: ResolverTypeWrapper<Checkout>;
  CreateSessionInput: CreateSessionInput;
  CreateWebhookEndpointInput: CreateWebhookEndpointInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EndSessionResult: ResolverTypeWrapper<EndedSession>;
  Enrollment: ResolverTypeWrapper<ParticipantRow>;
  EnrollmentConnection: ResolverTypeWrapper<Omit<EnrollmentConnection, 'edges'> & { edges: Array<ResolversTypes['EnrollmentEdge']> }>;
  EnrollmentEdge: ResolverTypeWrapper<Omit<EnrollmentEdge, 'node'> & { node: ResolversTypes['Enrollment'] }>;
  ExpertProfile: ResolverTypeWrapper<ExpertProfileModel>;
  FeedbackComment: ResolverTypeWrapper<FeedbackEntry>;
  FeedbackInput: FeedbackInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  HmsDetails: ResolverTypeWrapper<SessionRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  JoinToken: ResolverTypeWrapper<IssuedJoinToken>;
  LiveSession: ResolverTypeWrapper<SessionRow>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NotificationSettings: ResolverTypeWrapper<NotificationSettings>;
  NotificationSettingsInput: NotificationSettingsInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PaymentGateway: PaymentGateway;
  PaymentInput: PaymentInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordingLink: ResolverTypeWrapper<RecordingPlayback>;
  Refund: ResolverTypeWrapper<RefundRow>;
  RefundCause: RefundCause;
  RefundStatus: RefundStatus;
  RefusalCode: RefusalCode;
  SessionCalendar: ResolverTypeWrapper<SessionCalendar>;
  SessionConnection: ResolverTypeWrapper<Omit<SessionConnection, 'edges'> & { edges: Array<ResolversTypes['SessionEdge']> }>;
  SessionEdge: ResolverTypeWrapper<Omit<SessionEdge, 'node'> & { node: ResolversTypes['LiveSession'] }>;
  SessionFeedback: ResolverTypeWrapper<FeedbackSummary>;
  SessionMetadata: ResolverTypeWrapper<SessionMetadata>;
  SessionMetadataInput: SessionMetadataInput;
  SessionOrder: SessionOrder;
  SessionPage: ResolverTypeWrapper<Omit<SessionPage, 'items'> & { items: Array<ResolversTypes['LiveSession']> }>;
  SessionPermissions: ResolverTypeWrapper<SessionPermissionsModel>;
  SessionStatus: SessionStatus;
  SessionType: SessionType;
  SessionsFilter: SessionsFilter;
  SignOutResult: ResolverTypeWrapper<SignOutResult>;
  StartSessionResult: ResolverTypeWrapper<StartedSession>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdateSessionInput: UpdateSessionInput;
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  User: ResolverTypeWrapper<UserRow>;
  VideoRole: VideoRole;
  WaitlistPlace: ResolverTypeWrapper<WaitlistEntryRow>;
  WebhookDelivery: ResolverTypeWrapper<DeliveryLogEntry>;
  WebhookDeliveryAttempt: ResolverTypeWrapper<WebhookDeliveryAttemptRow>;
  WebhookDeliveryStatus: WebhookDeliveryStatus;
  WebhookEndpoint: ResolverTypeWrapper<WebhookEndpointRow>;
  WebhookEndpointSecret: ResolverTypeWrapper<EndpointWithSecret>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Ability: AbilityModel;
  Boolean: Scalars['Boolean']['output'];
  CancelEnrollmentResult: CancelledBooking;
  Checkout: Checkout;
  CreateSessionInput: CreateSessionInput;
  CreateWebhookEndpointInput: CreateWebhookEndpointInput;
  DateTime: Scalars['DateTime']['output'];
  EndSessionResult: EndedSession;
  Enrollment: ParticipantRow;
  EnrollmentConnection: Omit<EnrollmentConnection, 'edges'> & { edges: Array<ResolversParentTypes['EnrollmentEdge']> };
  EnrollmentEdge: Omit<EnrollmentEdge, 'node'> & { node: ResolversParentTypes['Enrollment'] };
  ExpertProfile: ExpertProfileModel;
  FeedbackComment: FeedbackEntry;
  FeedbackInput: FeedbackInput;
  Float: Scalars['Float']['output'];
  HmsDetails: SessionRow;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  JoinToken: IssuedJoinToken;
  LiveSession: SessionRow;
  Mutation: Record<PropertyKey, never>;
  NotificationSettings: NotificationSettings;
  NotificationSettingsInput: NotificationSettingsInput;
  PageInfo: PageInfo;
  PaymentInput: PaymentInput;
  Query: Record<PropertyKey, never>;
  RecordingLink: RecordingPlayback;
  Refund: RefundRow;
  SessionCalendar: SessionCalendar;
  SessionConnection: Omit<SessionConnection, 'edges'> & { edges: Array<ResolversParentTypes['SessionEdge']> };
  SessionEdge: Omit<SessionEdge, 'node'> & { node: ResolversParentTypes['LiveSession'] };
  SessionFeedback: FeedbackSummary;
  SessionMetadata: SessionMetadata;
  SessionMetadataInput: SessionMetadataInput;
  SessionPage: Omit<SessionPage, 'items'> & { items: Array<ResolversParentTypes['LiveSession']> };
  SessionPermissions: SessionPermissionsModel;
  SessionsFilter: SessionsFilter;
  SignOutResult: SignOutResult;
  StartSessionResult: StartedSession;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  UpdateSessionInput: UpdateSessionInput;
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  User: UserRow;
  WaitlistPlace: WaitlistEntryRow;
  WebhookDelivery: DeliveryLogEntry;
  WebhookDeliveryAttempt: WebhookDeliveryAttemptRow;
  WebhookEndpoint: WebhookEndpointRow;
  WebhookEndpointSecret: EndpointWithSecret;
}>;

export type AbilityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Ability'] = ResolversParentTypes['Ability']> = ResolversObject<{
  allowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  caution?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['RefusalCode']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CancelEnrollmentResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CancelEnrollmentResult'] = ResolversParentTypes['CancelEnrollmentResult']> = ResolversObject<{
  refund?: Resolver<Maybe<ResolversTypes['Refund']>, ParentType, ContextType>;
  session?: Resolver<ResolversTypes['LiveSession'], ParentType, ContextType>;
}>;

export type CheckoutResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Checkout'] = ResolversParentTypes['Checkout']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  amountInMinorUnits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  clientSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gateway?: Resolver<ResolversTypes['PaymentGateway'], ParentType, ContextType>;
  publicKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EndSessionResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EndSessionResult'] = ResolversParentTypes['EndSessionResult']> = ResolversObject<{
  duration?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  session?: Resolver<ResolversTypes['LiveSession'], ParentType, ContextType>;
  sessionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type EnrollmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Enrollment'] = ResolversParentTypes['Enrollment']> = ResolversObject<{
  amountPaid?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  attended?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  chatMessages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  enrolledAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  feedbackAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  feedbackComment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  feedbackRating?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  joinedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  leftAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  participantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paymentGateway?: Resolver<Maybe<ResolversTypes['PaymentGateway']>, ParentType, ContextType>;
  paymentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  refund?: Resolver<Maybe<ResolversTypes['Refund']>, ParentType, ContextType>;
  session?: Resolver<ResolversTypes['LiveSession'], ParentType, ContextType>;
  sessionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userAvatar?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  userName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  watchTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EnrollmentConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EnrollmentConnection'] = ResolversParentTypes['EnrollmentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['EnrollmentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EnrollmentEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EnrollmentEdge'] = ResolversParentTypes['EnrollmentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Enrollment'], ParentType, ContextType>;
}>;

export type ExpertProfileResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExpertProfile'] = ResolversParentTypes['ExpertProfile']> = ResolversObject<{
  avatar?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  averageRating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ratingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FeedbackCommentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FeedbackComment'] = ResolversParentTypes['FeedbackComment']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  comment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  participantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type HmsDetailsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HmsDetails'] = ResolversParentTypes['HmsDetails']> = ResolversObject<{
  recordingId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roomCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sessionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type JoinTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['JoinToken'] = ResolversParentTypes['JoinToken']> = ResolversObject<{
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['VideoRole'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type LiveSessionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LiveSession'] = ResolversParentTypes['LiveSession']> = ResolversObject<{
  actualEndTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  actualStartTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  attendedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  canWatchRecording?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  cancellationDeadline?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cancellationPolicy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  checkoutGateway?: Resolver<Maybe<ResolversTypes['PaymentGateway']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currentViewers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  enrolledCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expert?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  expertAvatar?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expertId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  expertName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  featured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  feedback?: Resolver<Maybe<ResolversTypes['SessionFeedback']>, ParentType, ContextType>;
  hmsDetails?: Resolver<Maybe<ResolversTypes['HmsDetails']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isFree?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxParticipants?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  metadata?: Resolver<Maybe<ResolversTypes['SessionMetadata']>, ParentType, ContextType>;
  participants?: Resolver<Maybe<Array<ResolversTypes['Enrollment']>>, ParentType, ContextType>;
  participantsConnection?: Resolver<Maybe<ResolversTypes['EnrollmentConnection']>, ParentType, ContextType, Partial<LiveSessionParticipantsConnectionArgs>>;
  price?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  recordedLessonId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordingAvailable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  recordingS3Key?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scheduledEndTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  scheduledStartTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  seatsLeft?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sessionType?: Resolver<ResolversTypes['SessionType'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SessionStatus'], ParentType, ContextType>;
  thumbnail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  viewerCalendar?: Resolver<Maybe<ResolversTypes['SessionCalendar']>, ParentType, ContextType>;
  viewerCan?: Resolver<ResolversTypes['SessionPermissions'], ParentType, ContextType>;
  viewerEnrollment?: Resolver<Maybe<ResolversTypes['Enrollment']>, ParentType, ContextType>;
  viewerIsHost?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  viewerRefund?: Resolver<Maybe<ResolversTypes['Refund']>, ParentType, ContextType>;
  viewerWaitlist?: Resolver<Maybe<ResolversTypes['WaitlistPlace']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelEnrollment?: Resolver<ResolversTypes['CancelEnrollmentResult'], ParentType, ContextType, RequireFields<MutationCancelEnrollmentArgs, 'sessionId'>>;
  cancelSession?: Resolver<ResolversTypes['LiveSession'], ParentType, ContextType, Partial<MutationCancelSessionArgs>>;
  createSession?: Resolver<ResolversTypes['LiveSession'], ParentType, ContextType, RequireFields<MutationCreateSessionArgs, 'input'>>;
  createWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpointSecret'], ParentType, ContextType, RequireFields<MutationCreateWebhookEndpointArgs, 'input'>>;
  deleteWebhookEndpoint?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, Partial<MutationDeleteWebhookEndpointArgs>>;
  endSession?: Resolver<ResolversTypes['EndSessionResult'], ParentType, ContextType, Partial<MutationEndSessionArgs>>;
  endUserSessions?: Resolver<ResolversTypes['SignOutResult'], ParentType, ContextType, RequireFields<MutationEndUserSessionsArgs, 'userId'>>;
  enroll?: Resolver<ResolversTypes['Enrollment'], ParentType, ContextType, RequireFields<MutationEnrollArgs, 'sessionId'>>;
  joinToken?: Resolver<ResolversTypes['JoinToken'], ParentType, ContextType, RequireFields<MutationJoinTokenArgs, 'sessionId'>>;
  joinWaitlist?: Resolver<ResolversTypes['WaitlistPlace'], ParentType, ContextType, RequireFields<MutationJoinWaitlistArgs, 'sessionId'>>;
  leaveWaitlist?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLeaveWaitlistArgs, 'sessionId'>>;
  noteBrowserTimeZone?: Resolver<ResolversTypes['NotificationSettings'], ParentType, ContextType, RequireFields<MutationNoteBrowserTimeZoneArgs, 'timeZone'>>;
  resendWebhookDelivery?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType, Partial<MutationResendWebhookDeliveryArgs>>;
  rotateWebhookSecret?: Resolver<ResolversTypes['WebhookEndpointSecret'], ParentType, ContextType, Partial<MutationRotateWebhookSecretArgs>>;
  signOutEverywhere?: Resolver<ResolversTypes['SignOutResult'], ParentType, ContextType>;
  startCheckout?: Resolver<ResolversTypes['Checkout'], ParentType, ContextType, RequireFields<MutationStartCheckoutArgs, 'sessionId'>>;
  startSession?: Resolver<ResolversTypes['StartSessionResult'], ParentType, ContextType, Partial<MutationStartSessionArgs>>;
  submitFeedback?: Resolver<ResolversTypes['Enrollment'], ParentType, ContextType, RequireFields<MutationSubmitFeedbackArgs, 'input' | 'sessionId'>>;
  updateNotificationSettings?: Resolver<ResolversTypes['NotificationSettings'], ParentType, ContextType, RequireFields<MutationUpdateNotificationSettingsArgs, 'input'>>;
  updateSession?: Resolver<ResolversTypes['LiveSession'], ParentType, ContextType, RequireFields<MutationUpdateSessionArgs, 'input'>>;
  updateWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType, RequireFields<MutationUpdateWebhookEndpointArgs, 'input'>>;
}>;

export type NotificationSettingsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotificationSettings'] = ResolversParentTypes['NotificationSettings']> = ResolversObject<{
  emailNotices?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  emailReminders?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  timeZone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PaymentGatewayResolvers = EnumResolverSignature<{ RAZORPAY?: any, STRIPE?: any }, ResolversTypes['PaymentGateway']>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  expert?: Resolver<Maybe<ResolversTypes['ExpertProfile']>, ParentType, ContextType, RequireFields<QueryExpertArgs, 'id'>>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  myEnrollments?: Resolver<Maybe<Array<ResolversTypes['Enrollment']>>, ParentType, ContextType>;
  myEnrollmentsConnection?: Resolver<Maybe<ResolversTypes['EnrollmentConnection']>, ParentType, ContextType, Partial<QueryMyEnrollmentsConnectionArgs>>;
  myRefunds?: Resolver<Maybe<Array<ResolversTypes['Refund']>>, ParentType, ContextType>;
  myWaitlist?: Resolver<Maybe<Array<ResolversTypes['WaitlistPlace']>>, ParentType, ContextType>;
  notificationSettings?: Resolver<ResolversTypes['NotificationSettings'], ParentType, ContextType>;
  recordingUrl?: Resolver<Maybe<ResolversTypes['RecordingLink']>, ParentType, ContextType, RequireFields<QueryRecordingUrlArgs, 'sessionId'>>;
  refunds?: Resolver<Maybe<Array<ResolversTypes['Refund']>>, ParentType, ContextType, Partial<QueryRefundsArgs>>;
  session?: Resolver<Maybe<ResolversTypes['LiveSession']>, ParentType, ContextType, RequireFields<QuerySessionArgs, 'id'>>;
  sessions?: Resolver<ResolversTypes['SessionPage'], ParentType, ContextType, Partial<QuerySessionsArgs>>;
  sessionsConnection?: Resolver<ResolversTypes['SessionConnection'], ParentType, ContextType, RequireFields<QuerySessionsConnectionArgs, 'orderBy'>>;
  webhookDeliveries?: Resolver<Array<ResolversTypes['WebhookDelivery']>, ParentType, ContextType, RequireFields<QueryWebhookDeliveriesArgs, 'endpointId' | 'limit'>>;
  webhookEndpoints?: Resolver<Array<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
}>;

export type RecordingLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordingLink'] = ResolversParentTypes['RecordingLink']> = ResolversObject<{
  durationSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type RefundResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Refund'] = ResolversParentTypes['Refund']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cause?: Resolver<ResolversTypes['RefundCause'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  failedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gatewayRefundId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  participantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paymentGateway?: Resolver<ResolversTypes['PaymentGateway'], ParentType, ContextType>;
  paymentId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refundedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  session?: Resolver<ResolversTypes['LiveSession'], ParentType, ContextType>;
  sessionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RefundStatus'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type RefusalCodeResolvers = EnumResolverSignature<{ CONFLICT?: any, FAILED_PRECONDITION?: any, FORBIDDEN?: any, NOT_FOUND?: any, SESSION_FULL?: any, UNAUTHENTICATED?: any }, ResolversTypes['RefusalCode']>;

export type SessionCalendarResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SessionCalendar'] = ResolversParentTypes['SessionCalendar']> = ResolversObject<{
  downloadUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  googleCalendarUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ics?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SessionConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SessionConnection'] = ResolversParentTypes['SessionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['SessionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SessionEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SessionEdge'] = ResolversParentTypes['SessionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LiveSession'], ParentType, ContextType>;
}>;

export type SessionFeedbackResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SessionFeedback'] = ResolversParentTypes['SessionFeedback']> = ResolversObject<{
  averageRating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  comments?: Resolver<Array<ResolversTypes['FeedbackComment']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ratingCounts?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type SessionMetadataResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SessionMetadata'] = ResolversParentTypes['SessionMetadata']> = ResolversObject<{
  category?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  difficulty?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  equipment?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  tags?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
}>;

export type SessionOrderResolvers = EnumResolverSignature<{ START_TIME_ASC?: any, START_TIME_DESC?: any }, ResolversTypes['SessionOrder']>;

export type SessionPageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SessionPage'] = ResolversParentTypes['SessionPage']> = ResolversObject<{
  items?: Resolver<Array<ResolversTypes['LiveSession']>, ParentType, ContextType>;
  limit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skip?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SessionPermissionsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SessionPermissions'] = ResolversParentTypes['SessionPermissions']> = ResolversObject<{
  cancel?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
  cancelEnrollment?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
  edit?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
  enroll?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
  join?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
  joinWaitlist?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
  leaveWaitlist?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
  waitForStart?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
  watchRecording?: Resolver<ResolversTypes['Ability'], ParentType, ContextType>;
}>;

export type SessionStatusResolvers = EnumResolverSignature<{ CANCELLED?: any, ENDED?: any, LIVE?: any, SCHEDULED?: any }, ResolversTypes['SessionStatus']>;

export type SessionTypeResolvers = EnumResolverSignature<{ GROUP?: any, ONE_ON_ONE?: any, WORKSHOP?: any }, ResolversTypes['SessionType']>;

export type SignOutResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SignOutResult'] = ResolversParentTypes['SignOutResult']> = ResolversObject<{
  endedSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type StartSessionResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StartSessionResult'] = ResolversParentTypes['StartSessionResult']> = ResolversObject<{
  roomCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  session?: Resolver<ResolversTypes['LiveSession'], ParentType, ContextType>;
  sessionUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  mySessionsUpdated?: SubscriptionResolver<ResolversTypes['LiveSession'], "mySessionsUpdated", ParentType, ContextType>;
  sessionUpdated?: SubscriptionResolver<ResolversTypes['LiveSession'], "sessionUpdated", ParentType, ContextType, RequireFields<SubscriptionSessionUpdatedArgs, 'id'>>;
}>;

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = ResolversObject<{
  avatar?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isExpert?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type VideoRoleResolvers = EnumResolverSignature<{ GUEST?: any, HOST?: any }, ResolversTypes['VideoRole']>;

export type WaitlistPlaceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WaitlistPlace'] = ResolversParentTypes['WaitlistPlace']> = ResolversObject<{
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  offered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  offeredUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  session?: Resolver<ResolversTypes['LiveSession'], ParentType, ContextType>;
  sessionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type WebhookDeliveryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = ResolversObject<{
  attemptCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  attempts?: Resolver<Array<ResolversTypes['WebhookDeliveryAttempt']>, ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastStatusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sessionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookDeliveryStatus'], ParentType, ContextType>;
}>;

export type WebhookDeliveryAttemptResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDeliveryAttempt'] = ResolversParentTypes['WebhookDeliveryAttempt']> = ResolversObject<{
  attemptedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  statusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type WebhookDeliveryStatusResolvers = EnumResolverSignature<{ DELIVERED?: any, FAILED?: any, PENDING?: any }, ResolversTypes['WebhookDeliveryStatus']>;

export type WebhookEndpointResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookEndpoint'] = ResolversParentTypes['WebhookEndpoint']> = ResolversObject<{
  allSessions?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  disabledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  disabledReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  failingSince?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WebhookEndpointSecretResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookEndpointSecret'] = ResolversParentTypes['WebhookEndpointSecret']> = ResolversObject<{
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  Ability?: AbilityResolvers<ContextType>;
  CancelEnrollmentResult?: CancelEnrollmentResultResolvers<ContextType>;
  Checkout?: CheckoutResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EndSessionResult?: EndSessionResultResolvers<ContextType>;
  Enrollment?: EnrollmentResolvers<ContextType>;
  EnrollmentConnection?: EnrollmentConnectionResolvers<ContextType>;
  EnrollmentEdge?: EnrollmentEdgeResolvers<ContextType>;
  ExpertProfile?: ExpertProfileResolvers<ContextType>;
  FeedbackComment?: FeedbackCommentResolvers<ContextType>;
  HmsDetails?: HmsDetailsResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  JoinToken?: JoinTokenResolvers<ContextType>;
  LiveSession?: LiveSessionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NotificationSettings?: NotificationSettingsResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PaymentGateway?: PaymentGatewayResolvers;
  Query?: QueryResolvers<ContextType>;
  RecordingLink?: RecordingLinkResolvers<ContextType>;
  Refund?: RefundResolvers<ContextType>;
  RefusalCode?: RefusalCodeResolvers;
  SessionCalendar?: SessionCalendarResolvers<ContextType>;
  SessionConnection?: SessionConnectionResolvers<ContextType>;
  SessionEdge?: SessionEdgeResolvers<ContextType>;
  SessionFeedback?: SessionFeedbackResolvers<ContextType>;
  SessionMetadata?: SessionMetadataResolvers<ContextType>;
  SessionOrder?: SessionOrderResolvers;
  SessionPage?: SessionPageResolvers<ContextType>;
  SessionPermissions?: SessionPermissionsResolvers<ContextType>;
  SessionStatus?: SessionStatusResolvers;
  SessionType?: SessionTypeResolvers;
  SignOutResult?: SignOutResultResolvers<ContextType>;
  StartSessionResult?: StartSessionResultResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  VideoRole?: VideoRoleResolvers;
  WaitlistPlace?: WaitlistPlaceResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookDeliveryAttempt?: WebhookDeliveryAttemptResolvers<ContextType>;
  WebhookDeliveryStatus?: WebhookDeliveryStatusResolvers;
  WebhookEndpoint?: WebhookEndpointResolvers<ContextType>;
  WebhookEndpointSecret?: WebhookEndpointSecretResolvers<ContextType>;
}>;

