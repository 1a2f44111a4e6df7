import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { lazy, useEffect } from "react";
import { ClientOnly } from "../components/client-only";
import { DeviceCheck } from "../components/device-check";
import { EndsIn, LocalTime } from "../components/local-time";
import { graphql } from "../graphql/__generated__";
import { load, signInUrl } from "../lib/graphql-errors.server";

const VideoRoom = lazy(() => import("../components/video-room.client"));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.session.title ?? "Class"} — Live Sessions` }];

/** How often the waiting screen asks whether the expert has started. */
const WAITING_POLL_MS = 4000;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!context.viewer) throw redirect(signInUrl(request));
  const data = await load(request, () => context.gql(JOIN_ROOM, { id: params.sessionId! }));
  if (!data.session) throw new Response("There is no session at this address.", { status: 404 });
  return { session: data.session, localStandIns: context.localStandIns };
}

export default function JoinRoom() {
  const { session, localStandIns } = useLoaderData<typeof loader>();
  const enrolled = Boolean(session.viewerEnrollment);
  const revalidator = useRevalidator();
  const waiting = enrolled && session.status === "SCHEDULED";
  useEffect(() => {
    if (!waiting) return;
    // Waiting for the expert: look again every few seconds; the room opens without a reload.
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), WAITING_POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, revalidator]);

  return (
    <>
      <h1>{session.title}</h1>
      <p className="expert">with {session.expertName}</p>
      {!enrolled ? (
        <section className="panel">
          <p>You are not enrolled in this session yet.</p>
          <Link className="button" to={`/app/live/${session.id}`}>
            Enroll
          </Link>
        </section>
      ) : session.status === "SCHEDULED" ? (
        <>
          <section className="panel" aria-live="polite">
            <h2>Waiting for your expert</h2>
            <p>
              The class is scheduled for <LocalTime iso={session.scheduledStartTime} endIso={session.scheduledEndTime} />. This page joins the room by itself as soon as{" "}
              {session.expertName} starts it; you can keep it open.
            </p>
          </section>
          <ClientOnly fallback={null}>{() => <DeviceCheck />}</ClientOnly>
        </>
      ) : session.status === "LIVE" ? (
        <>
          {localStandIns && (
            <p className="notice">
              Running on the local 100ms stand-ins: the live room's video stays on this machine.
            </p>
          )}
          <ClientOnly fallback={<p role="status">Loading the video room…</p>}>
            {() => <VideoRoom sessionId={session.id} role="guest" autoJoin />}
          </ClientOnly>
          {/* In the student's own time zone, with a countdown: when to be done by. Below the room, so
              the video tiles keep the top of a phone's screen (the SDK plays only the tiles in view). */}
          <p className="meta" data-testid="class-ends">
            <span>
              Scheduled to end <LocalTime iso={session.scheduledEndTime} />
            </span>
            <EndsIn iso={session.scheduledEndTime} />
          </p>
        </>
      ) : (
        <section className="panel">
          {session.status === "ENDED" ? (
            <>
              <h2>The class has ended</h2>
              <p>The recording appears on the class page once it is ready, and you can rate the class there.</p>
              <p>
                <Link className="button" to={`/app/live/${session.id}`}>
                  Rate the class and find the recording
                </Link>
              </p>
            </>
          ) : (
            <p>This session has been cancelled.</p>
          )}
          <Link to="/app/live/enrollments">Your classes</Link>
        </section>
      )}
    </>
  );
}

const JOIN_ROOM = graphql(`
  query JoinRoom($id: ID!) {
    session(id: $id) {
      id
      title
      status
      expertName
      scheduledStartTime
      scheduledEndTime
      viewerEnrollment {
        id
      }
    }
  }
`);
