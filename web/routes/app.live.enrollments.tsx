import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LiveSessionCard } from "../components/live-session-card";
import { LocalTime } from "../components/local-time";
import { graphql } from "../graphql/__generated__";
import { formatPrice } from "../lib/format";
import { load } from "../lib/graphql-errors.server";

export const meta: MetaFunction = () => [{ title: "My classes — Live Sessions" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const data = await load(request, () => context.gql(MY_ENROLLMENTS, {}));
  // Null only with an error (not signed in), which load() has already turned into its page.
  const enrollments = data.myEnrollments ?? [];
  const upcoming = enrollments.filter((e) => e.session.status === "SCHEDULED" || e.session.status === "LIVE");
  const past = enrollments.filter((e) => e.session.status === "ENDED" || e.session.status === "CANCELLED").reverse();
  // Refunds of bookings the student cancelled: their enrollment is gone, the refund is not.
  const enrolled = new Set(enrollments.map((e) => e.id));
  const cancelledBookings = (data.myRefunds ?? []).filter((r) => !enrolled.has(r.participantId));
  return { upcoming, past, waitlist: data.myWaitlist ?? [], cancelledBookings };
}

type Refund = { status: "PENDING" | "REFUNDED" | "FAILED"; amount: number; currency: string; refundedAt?: string | null };

const REFUND_LABEL = { PENDING: "Refund pending", REFUNDED: "Refunded", FAILED: "Refund failed: the studio will settle it" } as const;

function RefundLine({ refund }: { refund: Refund }) {
  return (
    <p className={`refund ${refund.status.toLowerCase()}`} data-testid="refund-state">
      {REFUND_LABEL[refund.status]}: {formatPrice(refund.amount, refund.currency, false)}
      {refund.status === "REFUNDED" && refund.refundedAt ? (
        <>
          {" "}
          on <LocalTime iso={refund.refundedAt} />
        </>
      ) : null}
    </p>
  );
}

export default function MyEnrollments() {
  const { upcoming, past, waitlist, cancelledBookings } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My classes</h1>
      <h2>Upcoming</h2>
      {upcoming.length ? (
        <div className="grid">
          {upcoming.map((e) => (
            <div key={e.id}>
              <LiveSessionCard session={e.session} />
              {e.session.viewerCan.cancelEnrollment.allowed && (
                <Form method="post" action={`/app/live/${e.session.id}`}>
                  <input type="hidden" name="intent" value="cancel-booking" />
                  <button className="secondary" type="submit">Cancel my booking</button>
                </Form>
              )}
            </div>
          ))}
        </div>
      ) : (
        <p className="empty">
          No upcoming classes. <Link to="/app/live">Find a class to join</Link>
        </p>
      )}
      {waitlist.length > 0 && (
        <>
          <h2>Waitlist</h2>
          <ul>
            {waitlist.map((w) => (
              <li key={w.sessionId}>
                <Link to={`/app/live/${w.sessionId}`}>{w.session.title}</Link>:{" "}
                {w.offered && w.offeredUntil ? (
                  <>
                    a seat is held for you until <LocalTime iso={w.offeredUntil} />
                  </>
                ) : (
                  `number ${w.position} in line`
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Past and cancelled</h2>
      {past.length ? (
        <div className="grid">
          {past.map((e) => (
            <div key={e.id}>
              <LiveSessionCard session={e.session} />
              {e.session.status === "CANCELLED" && e.session.cancellationReason && <p className="hint">{e.session.cancellationReason}</p>}
              {e.refund && <RefundLine refund={e.refund} />}
            </div>
          ))}
        </div>
      ) : (
        <p>None yet.</p>
      )}
      {cancelledBookings.length > 0 && (
        <>
          <h2>Bookings you cancelled</h2>
          <ul>
            {cancelledBookings.map((r) => (
              <li key={r.id}>
                <Link to={`/app/live/${r.sessionId}`}>{r.session.title}</Link>
                <RefundLine refund={r} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

const MY_ENROLLMENTS = graphql(`
  query MyEnrollments {
    myEnrollments {
      id
      refund {
        status
        amount
        currency
        refundedAt
      }
      session {
        ...SessionCard
        cancellationReason
        viewerCan {
          cancelEnrollment {
            allowed
          }
        }
      }
    }
    myRefunds {
      id
      participantId
      sessionId
      status
      amount
      currency
      refundedAt
      session {
        title
      }
    }
    myWaitlist {
      sessionId
      position
      offered
      offeredUntil
      session {
        title
      }
    }
  }
`);
