import { Form, Link } from "@remix-run/react";
import type { RefusalCode, SessionStatus, SessionType } from "../graphql/__generated__/graphql";
import { durationLabel, formatPrice, STATUS_LABEL, TYPE_LABEL } from "../lib/format";
import { LocalTime, StartsIn } from "./local-time";

export interface CardSession {
  id: string;
  title: string;
  thumbnail?: string | null;
  expertId: string;
  expertName: string;
  expertAvatar?: string | null;
  sessionType: SessionType;
  status: SessionStatus;
  scheduledStartTime: string;
  scheduledEndTime: string;
  price: number;
  currency: string;
  isFree: boolean;
  seatsLeft?: number | null;
  recordingAvailable: boolean;
  metadata?: { category?: string | null; difficulty?: string | null } | null;
  viewerEnrollment?: { id: string } | null;
  viewerIsHost: boolean;
  viewerCan: Record<"enroll" | "start" | "join" | "watchRecording", { allowed: boolean; code: RefusalCode | null; caution?: string | null }> & {
    waitForStart?: { allowed: boolean };
  };
}

/**
 * The one action that fits the viewer, as the API allows it: the room (open), Start, Enroll,
 * the recording, or none. Which room page to link (the host's or a guest's) is navigation,
 * not a rule.
 */
function Action({ session }: { session: CardSession }) {
  const can = session.viewerCan;
  if (can.join.allowed) {
    return session.viewerIsHost ? (
      <Link className="button" to={`/app/live/host/${session.id}`}>Open room</Link>
    ) : (
      <Link className="button" to={`/app/live/join/${session.id}`}>Join</Link>
    );
  }
  // Start is offered here only near the scheduled time; earlier, the dashboard and the session's page offer it (and ask twice).
  if (can.start.allowed && !can.start.caution) {
    return (
      <Form method="post" action={`/app/live/${session.id}`}>
        <input type="hidden" name="intent" value="start" />
        <button type="submit" className="primary">Start</button>
      </Form>
    );
  }
  // An enrolled student's next step before class: the waiting room, where the class pulls them in.
  if (session.viewerEnrollment && !session.viewerIsHost && can.waitForStart?.allowed) {
    return <Link className="button secondary" to={`/app/live/join/${session.id}`}>Go to the waiting room</Link>;
  }
  if (session.viewerEnrollment && !can.watchRecording.allowed) return <span className="badge">Enrolled</span>;
  // A visitor who is not signed in is offered it too: the session's page asks them to sign in.
  if (can.enroll.allowed || can.enroll.code === "UNAUTHENTICATED") {
    return <Link className="button secondary" to={`/app/live/${session.id}`}>Enroll</Link>;
  }
  if (can.watchRecording.allowed) return <Link to={`/app/live/${session.id}`}>Recording</Link>;
  return null;
}

export function LiveSessionCard({ session }: { session: CardSession }) {
  const seats =
    session.seatsLeft == null ? "Open seats" : session.seatsLeft === 0 ? "Full" : `${session.seatsLeft} seat${session.seatsLeft === 1 ? "" : "s"} left`;
  return (
    <article className="card" aria-labelledby={`title-${session.id}`}>
      <div className="thumb">{session.thumbnail ? <img src={session.thumbnail} alt="" loading="lazy" /> : <span aria-hidden className="thumb-mark">{session.title.slice(0, 1).toUpperCase()}</span>}</div>
      <div className="body">
        <div>
          <span className={`badge ${session.status.toLowerCase()}`}>{STATUS_LABEL[session.status]}</span>{" "}
          <span className="badge">{TYPE_LABEL[session.sessionType]}</span>
        </div>
        <h2 id={`title-${session.id}`}>
          <Link to={`/app/live/${session.id}`}>{session.title}</Link>
        </h2>
        <div className="expert">
          {session.expertAvatar && <img src={session.expertAvatar} alt="" width={24} height={24} />}
          <Link to={`/app/experts/${session.expertId}`}>{session.expertName}</Link>
        </div>
        <div className="meta">
          <LocalTime iso={session.scheduledStartTime} endIso={session.scheduledEndTime} />
          <span>{durationLabel(session.scheduledStartTime, session.scheduledEndTime)}</span>
          {session.status === "SCHEDULED" && <StartsIn iso={session.scheduledStartTime} />}
          <span>{seats}</span>
          {session.metadata?.category && <span>{session.metadata.category}</span>}
          {session.metadata?.difficulty && <span>{session.metadata.difficulty}</span>}
        </div>
      </div>
      <div className="actions">
        <span className="price">{formatPrice(session.price, session.currency, session.isFree)}</span>
        <Action session={session} />
      </div>
    </article>
  );
}
