import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EnrollStep, type CheckoutData } from "../components/enroll-step";
import { HostAction } from "../components/host-action";
import { LocalTime, StartsIn } from "../components/local-time";
import { graphql } from "../graphql/__generated__";
import { durationLabel, formatPrice, GATEWAY_NAME, STATUS_LABEL, TYPE_LABEL } from "../lib/format";
import { fieldErrors, load, pageFor, signInUrl } from "../lib/graphql-errors.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.session.title ?? "Session"} — Live Sessions` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const data = await load(request, () => context.gql(SESSION_PAGE, { id: params.id! }));
  if (!data.session) throw new Response("There is no session at this address. It may have been removed.", { status: 404 });
  // Stripe sends payments that needed a redirect (bank pages, wallets) back here.
  const url = new URL(request.url);
  const returnedPayment = url.searchParams.get("redirect_status") === "succeeded" ? url.searchParams.get("payment_intent") : null;
  // The edit page comes back here once the changes are saved.
  const changed = url.searchParams.get("changed") === "1";
  return { session: data.session, me: data.me, localPayments: Boolean(context.localPayments), returnedPayment, changed };
}

/** Enroll, start, end or cancel: each one GraphQL mutation, the rules stay in the API. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const id = params.id!;
  try {
    switch (form.get("intent")) {
      case "enroll": {
        // The reference from the gateway's checkout (or typed in); the server asks the gateway.
        const paymentId = String(form.get("paymentId") ?? "").trim();
        const gateway = String(form.get("paymentGateway") ?? "");
        const payment = paymentId ? { paymentId, paymentGateway: gateway === "RAZORPAY" ? ("RAZORPAY" as const) : ("STRIPE" as const) } : undefined;
        await context.gql(ENROLL, { sessionId: id, payment });
        return { ok: "You're enrolled. See you in class!" };
      }
      case "checkout": {
        // Opens a payment with the gateway; the page then runs the gateway's own checkout.
        const { startCheckout } = await context.gql(START_CHECKOUT, { sessionId: id });
        return { checkout: startCheckout as CheckoutData };
      }
      case "pay-local": {
        // Local stand-ins only: the payment is completed on the stand-in, as a customer would at the gateway.
        if (!context.localPayments) return { error: "The local test gateway only exists while the local stand-ins run." };
        const { startCheckout } = await context.gql(START_CHECKOUT, { sessionId: id });
        const gateway = startCheckout.gateway;
        // The stand-ins spell gateways as the domain does ("stripe"): GraphQL's name, lower-cased.
        const paymentId = context.localPayments.pay({ gateway: gateway.toLowerCase() as Lowercase<typeof gateway>, reference: startCheckout.reference });
        await context.gql(ENROLL, { sessionId: id, payment: { paymentId, paymentGateway: gateway } });
        return { ok: `Paid with the local test gateway (${GATEWAY_NAME[gateway]} payment ${paymentId}). You're enrolled. See you in class!` };
      }
      case "start": {
        const { startSession } = await context.gql(START, { id });
        return redirect(new URL(startSession.sessionUrl).pathname);
      }
      case "end":
        await context.gql(END, { id });
        return { ok: "The session has ended and its room is closed." };
      case "cancel":
        await context.gql(CANCEL, { id });
        return { ok: "The session is cancelled. Everyone who paid is refunded in full." };
      case "cancel-booking": {
        const { cancelEnrollment } = await context.gql(CANCEL_BOOKING, { sessionId: id });
        return {
          ok: cancelEnrollment.refund
            ? `Your booking is cancelled. ${formatPrice(cancelEnrollment.refund.amount, cancelEnrollment.refund.currency, false)} is being refunded to you.`
            : "Your booking is cancelled.",
        };
      }
      case "join-waitlist": {
        const { joinWaitlist } = await context.gql(JOIN_WAITLIST, { sessionId: id });
        return { ok: joinWaitlist.offered ? "A seat is held for you: book it before the offer lapses." : `You're on the waitlist, number ${joinWaitlist.position} in line.` };
      }
      case "leave-waitlist":
        await context.gql(LEAVE_WAITLIST, { sessionId: id });
        return { ok: "You have left the waitlist." };
      case "watch": {
        // A fresh short-lived link from 100ms each time; never stored or cached.
        const { recordingUrl } = await context.gql(RECORDING, { sessionId: id });
        // Null comes only with an error, which context.gql has already thrown.
        if (!recordingUrl) throw new Error("recordingUrl answered null without an error");
        return redirect(recordingUrl.url);
      }
      case "feedback": {
        const rating = Number(form.get("rating"));
        const comment = String(form.get("comment") ?? "").trim() || undefined;
        await context.gql(FEEDBACK, { sessionId: id, input: { rating, comment } });
        return { ok: "Thank you for your feedback!" };
      }
      default:
        return { error: "Unknown action." };
    }
  } catch (error) {
    const problem = pageFor(error, request);
    if (problem.code === "UNAUTHENTICATED") throw redirect(signInUrl(request));
    return { error: problem.message, fields: fieldErrors(problem) };
  }
}

/** "Cancelled by the expert" → "This class was cancelled by the expert."; "Not started by the expert" → "…cancelled: not started by the expert." */
function cancelledBecause(reason: string | null | undefined): string {
  if (!reason) return "This class was cancelled.";
  const lower = reason.charAt(0).toLowerCase() + reason.slice(1);
  return lower.startsWith("cancelled ") ? `This class was ${lower}.` : `This class was cancelled: ${lower}.`;
}

const REFUND_WORDS = { PENDING: "is on its way", REFUNDED: "has been refunded", FAILED: "could not be refunded automatically" } as const;

/** Where the viewer's money stands: pending, refunded (when), or failed (the studio settles it). */
function RefundState({ refund }: { refund: { status: keyof typeof REFUND_WORDS; amount: number; currency: string; refundedAt?: string | null } }) {
  return (
    // Money back is good news: green, as every success is; pending and failed keep the amber notice.
    <p role="status" className={`notice refund ${refund.status.toLowerCase()}${refund.status === "REFUNDED" ? " success" : ""}`} data-testid="refund-state">
      Refund: {formatPrice(refund.amount, refund.currency, false)} {REFUND_WORDS[refund.status]}
      {refund.status === "REFUNDED" && refund.refundedAt ? (
        <>
          {" "}
          (<LocalTime iso={refund.refundedAt} />; it reaches your account in the bank's usual time)
        </>
      ) : null}
      {refund.status === "PENDING" ? " (we are asking the payment gateway; this page shows when it is done)" : ""}
      {refund.status === "FAILED" ? ": the studio has been told and will settle it with you." : "."}
    </p>
  );
}

export default function SessionPage() {
  const { session, me, localPayments, returnedPayment, changed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  // What the viewer may do is the API's answer (viewerCan), never worked out here from the status or the times.
  const can = session.viewerCan;
  const own = session.viewerIsHost;
  return (
    <article>
      <p>
        <Link to="/app/live">← All sessions</Link>
      </p>
      <span className={`badge ${session.status.toLowerCase()}`}>{STATUS_LABEL[session.status]}</span>{" "}
      <span className="badge">{TYPE_LABEL[session.sessionType]}</span>
      <h1>{session.title}</h1>
      <div className="expert">
        {session.expertAvatar && <img src={session.expertAvatar} alt="" width={32} height={32} />} with{" "}
        <Link to={`/app/experts/${session.expertId}`}>{session.expertName}</Link>
      </div>
      <div className="panel">
        <p className="meta">
          <LocalTime iso={session.scheduledStartTime} endIso={session.scheduledEndTime} />
          <span>{durationLabel(session.scheduledStartTime, session.scheduledEndTime)}</span>
          {session.status === "SCHEDULED" && <StartsIn iso={session.scheduledStartTime} />}
          <span className="price">{formatPrice(session.price, session.currency, session.isFree)}</span>
          {(session.status === "SCHEDULED" || session.status === "LIVE") && (
            <span>{session.seatsLeft == null ? "Open seats" : `${session.seatsLeft} of ${session.maxParticipants} seats left`}</span>
          )}
          {session.metadata?.category && <span>{session.metadata.category}</span>}
          {session.metadata?.difficulty && <span>{session.metadata.difficulty}</span>}
        </p>
        {session.description && <p>{session.description}</p>}
        {session.metadata?.equipment?.length ? <p>Bring: {session.metadata.equipment.join(", ")}</p> : null}
      </div>

      {session.status === "CANCELLED" && (
        <p role="status" className="notice" data-testid="cancelled-notice">
          {cancelledBecause(session.cancellationReason)}
          {/* A paid seat's refund is written with the cancellation itself: its presence is the answer. */}
          {session.viewerRefund ? " Your payment is refunded in full." : ""}
        </p>
      )}

      {session.viewerRefund && <RefundState refund={session.viewerRefund} />}

      {result && "ok" in result && <p role="status" className="notice success">{result.ok}</p>}
      {changed && !result && (
        <p role="status" className="notice success" data-testid="changed-notice">
          Changes saved.{session.enrolledCount > 0 ? " Enrolled students see them here." : ""}
        </p>
      )}
      {/* A payment reference's problem is said beside its field (EnrollStep), not twice. */}
      {result && "error" in result && !("fields" in result && (result.fields?.paymentId || result.fields?.paymentGateway)) && (
        <p role="alert" className="error">
          {result.error}
        </p>
      )}

      <section className="panel" aria-label="What you can do">
        {own ? (
          <>
            <div className="controls">
              {can.start.allowed && (
                <HostAction intent="start" label="Start session" sessionId={session.id} title={session.title} enrolledCount={session.enrolledCount} caution={can.start.caution} busy={busy} />
              )}
              {can.join.allowed && <Link className="button" to={`/app/live/host/${session.id}`}>Open the room</Link>}
              {can.end.allowed && <HostAction intent="end" label="End session" sessionId={session.id} title={session.title} enrolledCount={session.enrolledCount} busy={busy} />}
              {can.edit.allowed && <Link className="button secondary" to={`/app/live/${session.id}/edit`}>Change details</Link>}
              {can.cancel.allowed && <HostAction intent="cancel" label="Cancel session" sessionId={session.id} title={session.title} enrolledCount={session.enrolledCount} busy={busy} />}
            </div>
            {/* Why Start is missing, unless the room is open: the one thing a host looks for on a session that is not live. */}
            {!can.start.allowed && !can.join.allowed && <p className="hint">{can.start.reason}</p>}
          </>
        ) : can.join.allowed ? (
          <Link className="button" to={`/app/live/join/${session.id}`}>Join now</Link>
        ) : can.waitForStart.allowed ? (
          <>
            <p>{can.join.reason}</p>
            <Link className="button" to={`/app/live/join/${session.id}`}>Go to the waiting room</Link>
          </>
        ) : session.viewerEnrollment ? (
          session.status === "CANCELLED" ? (
            <p>
              You were enrolled in this session. <Link to={`/app/experts/${session.expertId}`}>See {session.expertName}'s other classes</Link>
            </p>
          ) : (
            <p>{`You were enrolled in this session. ${can.join.reason ?? ""}`}</p>
          )
        ) : can.enroll.allowed || can.enroll.code === "UNAUTHENTICATED" ? (
          <>
          {session.viewerWaitlist?.offered && session.viewerWaitlist.offeredUntil && (
            <p className="notice" data-testid="waitlist-offer">
              A seat is held for you until <LocalTime iso={session.viewerWaitlist.offeredUntil} />: book it now, or it goes to the next in line.
            </p>
          )}
          {!session.isFree && <p className="hint" data-testid="cancellation-policy">{session.cancellationPolicy}</p>}
          <EnrollStep
            session={session}
            signedIn={Boolean(me)}
            busy={busy}
            localPayments={localPayments}
            returnedPayment={returnedPayment}
            checkout={result && "checkout" in result ? result.checkout : undefined}
            fields={result && "fields" in result ? result.fields : undefined}
          />
          </>
        ) : session.viewerWaitlist ? (
          <p data-testid="waitlist-place">You're on the waitlist, number {session.viewerWaitlist.position} in line. We'll hold a seat for you if one frees up.</p>
        ) : (
          <>
            <p data-testid="enroll-refused">{can.enroll.reason}</p>
            {can.joinWaitlist.allowed && (
              <Form method="post">
                <button className="primary" name="intent" value="join-waitlist" disabled={busy}>Join the waitlist</button>
              </Form>
            )}
          </>
        )}
        {/* The student's own booking: cancel it while the policy allows, or say until when it could have been. */}
        {can.cancelEnrollment.allowed ? (
          <Form method="post" className="booking">
            <p className="hint">
              You can cancel until <LocalTime iso={session.cancellationDeadline} />
              {session.viewerEnrollment?.paid ? "; you get your payment back in full." : "."}
            </p>
            <button className="secondary" name="intent" value="cancel-booking" disabled={busy}>Cancel my booking</button>
          </Form>
        ) : session.viewerEnrollment && session.status === "SCHEDULED" && can.cancelEnrollment.reason ? (
          <p className="hint" data-testid="cancel-booking-refused">{can.cancelEnrollment.reason}</p>
        ) : null}
        {session.viewerEnrollment && session.viewerCalendar && session.status === "SCHEDULED" && (
          <p className="add-to-calendar" data-testid="add-to-calendar">
            Add to calendar:{" "}
            <a href={`/app/live/${session.id}/calendar.ics`} download>
              Download .ics
            </a>{" "}
            ·{" "}
            <a href={session.viewerCalendar.googleCalendarUrl} target="_blank" rel="noopener noreferrer">
              Google Calendar
            </a>
          </p>
        )}
        {can.leaveWaitlist.allowed && (
          <Form method="post">
            <button className="secondary" name="intent" value="leave-waitlist" disabled={busy}>Leave the waitlist</button>
          </Form>
        )}
      </section>

      {can.watchRecording.allowed && (
        <Form method="post" reloadDocument className="panel">
          <button className="primary" name="intent" value="watch">Watch recording</button>
        </Form>
      )}

      {can.rate.allowed && (
        <Form method="post" className="panel form" aria-label="Rate this session">
          <input type="hidden" name="intent" value="feedback" />
          <fieldset>
            <legend>How was the class?</legend>
            <div className="controls rating">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n}>
                  <input type="radio" name="rating" value={n} required defaultChecked={session.viewerEnrollment?.feedbackRating === n} /> {n}{" "}
                  <span aria-hidden="true">★</span>
                  <span className="visually-hidden">{n === 1 ? "star" : "stars"}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label>
            Comment <span className="hint">optional</span>
            <textarea name="comment" rows={3} maxLength={2000} defaultValue={session.viewerEnrollment?.feedbackComment ?? ""} />
            {result && "fields" in result && result.fields?.comment && <span className="error">{result.fields.comment}</span>}
          </label>
          <div>
            <button className="primary" disabled={busy}>{session.viewerEnrollment?.feedbackRating ? "Update rating" : "Send rating"}</button>
          </div>
        </Form>
      )}

      {own && session.participants?.some((p) => p.refund) && (
        <section className="panel" aria-label="Refunds to your students" data-testid="host-refunds">
          <h2>Refunds to your students</h2>
          <ul>
            {session.participants.flatMap((p) =>
              p.refund ? [
                <li key={p.id}>
                  {p.userName}: {formatPrice(p.refund.amount, p.refund.currency, false)} {REFUND_WORDS[p.refund.status]}
                </li>,
              ] : [],
            )}
          </ul>
        </section>
      )}

      {own && session.feedback && session.feedback.count > 0 && (
        <section className="panel" id="feedback" aria-label="Feedback">
          <h2>
            Feedback: {session.feedback.averageRating?.toFixed(1)} ★ from {session.feedback.count}
          </h2>
          <ul>
            {session.feedback.comments.map((c) => (
              <li key={c.participantId}>
                <strong>{c.userName}</strong> ({c.rating} ★): {c.comment}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

const SESSION_PAGE = graphql(`
  query SessionPage($id: ID!) {
    me {
      id
    }
    session(id: $id) {
      ...SessionCard
      checkoutGateway
      description
      maxParticipants
      enrolledCount
      attendedCount
      viewerCan {
        enroll {
          allowed
          reason
          code
        }
        start {
          allowed
          reason
          caution
        }
        end {
          allowed
        }
        cancel {
          allowed
        }
        edit {
          allowed
        }
        join {
          allowed
          reason
        }
        waitForStart {
          allowed
        }
        watchRecording {
          allowed
        }
        rate {
          allowed
        }
        cancelEnrollment {
          allowed
          reason
        }
        joinWaitlist {
          allowed
        }
        leaveWaitlist {
          allowed
        }
      }
      cancellationReason
      cancellationDeadline
      cancellationPolicy
      viewerRefund {
        id
        status
        amount
        currency
        refundedAt
      }
      viewerWaitlist {
        position
        offered
        offeredUntil
      }
      viewerCalendar {
        googleCalendarUrl
      }
      participants {
        id
        userName
        refund {
          status
          amount
          currency
        }
      }
      viewerEnrollment {
        id
        paid
        attended
        feedbackRating
        feedbackComment
      }
      feedback {
        count
        averageRating
        comments {
          participantId
          userName
          rating
          comment
        }
      }
      metadata {
        category
        difficulty
        equipment
        tags
      }
    }
  }
`);

const RECORDING = graphql(`
  query RecordingLink($sessionId: ID!) {
    recordingUrl(sessionId: $sessionId) {
      url
    }
  }
`);

const FEEDBACK = graphql(`
  mutation FeedbackFromPage($sessionId: ID!, $input: FeedbackInput!) {
    submitFeedback(sessionId: $sessionId, input: $input) {
      id
    }
  }
`);

const ENROLL = graphql(`
  mutation EnrollFromPage($sessionId: ID!, $payment: PaymentInput) {
    enroll(sessionId: $sessionId, payment: $payment) {
      id
    }
  }
`);

const START_CHECKOUT = graphql(`
  mutation StartCheckoutFromPage($sessionId: ID!) {
    startCheckout(sessionId: $sessionId) {
      gateway
      reference
      clientSecret
      publicKey
      amountInMinorUnits
      currency
    }
  }
`);

const START = graphql(`
  mutation StartFromPage($id: ID!) {
    startSession(sessionId: $id) {
      sessionUrl
    }
  }
`);

const END = graphql(`
  mutation EndFromPage($id: ID!) {
    endSession(sessionId: $id) {
      duration
    }
  }
`);

const CANCEL = graphql(`
  mutation CancelFromPage($id: ID!) {
    cancelSession(sessionId: $id) {
      id
    }
  }
`);

const CANCEL_BOOKING = graphql(`
  mutation CancelBookingFromPage($sessionId: ID!) {
    cancelEnrollment(sessionId: $sessionId) {
      refund {
        amount
        currency
      }
    }
  }
`);

const JOIN_WAITLIST = graphql(`
  mutation JoinWaitlistFromPage($sessionId: ID!) {
    joinWaitlist(sessionId: $sessionId) {
      position
      offered
    }
  }
`);

const LEAVE_WAITLIST = graphql(`
  mutation LeaveWaitlistFromPage($sessionId: ID!) {
    leaveWaitlist(sessionId: $sessionId)
  }
`);
