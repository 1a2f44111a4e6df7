import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { lazy, useState } from "react";
import { ClientOnly } from "../components/client-only";
import { EndSessionButton } from "../components/end-session-button";
import type { RoomStatus } from "../components/video-room.client";
import { graphql } from "../graphql/__generated__";
import { load, signInUrl } from "../lib/graphql-errors.server";
import { useLiveUpdates } from "../lib/live-updates";

const VideoRoom = lazy(() => import("../components/video-room.client"));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Hosting: ${data?.session.title ?? "session"} — Live Sessions` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!context.viewer) throw redirect(signInUrl(request));
  const data = await load(request, () => context.gql(HOST_ROOM, { id: params.id! }));
  if (!data.session) throw new Response("There is no session at this address.", { status: 404 });
  if (!data.session.viewerIsHost) throw new Response("Only the session's expert can host it.", { status: 403 });
  return { session: data.session, localStandIns: context.localStandIns, canSimulate: Boolean(context.devRoom) };
}

/** Local emulator only: pretend students walk in and out, so attendance can be seen moving. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!context.devRoom) throw new Response("Pretend students exist only with the local 100ms emulator.", { status: 404 });
  const data = await load(request, () => context.gql(HOST_ROOM, { id: params.id! }));
  const roomId = data.session?.hmsDetails?.roomId;
  // Room details are shown to the session's expert only, and exist once it is live.
  if (!roomId) throw new Response("Only the session's expert can do this, while it is live.", { status: 403 });
  const intent = (await request.formData()).get("intent");
  if (intent === "add-student") {
    const added = await context.devRoom.addStudent(roomId);
    if ("problem" in added) return { pretendProblem: added.problem };
  } else if (intent === "remove-student") context.devRoom.removeStudent(roomId);
  // The emulator's webhooks are on their way; the page refreshes its numbers by itself.
  return null;
}

/** The session's figures as they change (who is in the room, attendance, enrolments, its status). */
const SESSION_UPDATED = "subscription HostRoomUpdates($id: ID!) { sessionUpdated(id: $id) { id } }";
/** Without the live-update socket, and while the session is live, the host page refreshes who is in the room this often. */
const STATS_POLL_MS = 3000;

export default function HostRoom() {
  const { session, localStandIns, canSimulate } = useLoaderData<typeof loader>();
  const pretend = useActionData<typeof action>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [roomStatus, setRoomStatus] = useState<RoomStatus>("opening");
  const live = session.status === "LIVE";
  useLiveUpdates({ subscription: SESSION_UPDATED, variables: { id: session.id }, fallbackPollMs: STATS_POLL_MS, pollWhenOffline: live });
  const endForEveryone = () => submit({ intent: "end" }, { method: "post", action: `/app/live/${session.id}` });
  return (
    <>
      <h1>{session.title}</h1>
      <p className="meta" aria-live="polite">
        <span>{session.enrolledCount} enrolled</span>
        <span data-testid="current-viewers">{session.currentViewers} in the room now</span>
        <span data-testid="attended">{session.attendedCount} attended</span>
      </p>
      {live && canSimulate && (
        <Form method="post" className="controls panel" aria-label="Pretend students (local emulator only)">
          <span>Local emulator: pretend students</span>
          <button className="secondary" name="intent" value="add-student">A student joins</button>
          <button className="secondary" name="intent" value="remove-student">A student leaves</button>
          {pretend?.pretendProblem && <span role="alert">{pretend.pretendProblem}</span>}
        </Form>
      )}
      {localStandIns && (
        <p className="notice">
          Running on the local 100ms stand-ins: rooms, tokens and the live room's video stay on this machine (a local media
          plane stands in for 100ms). With real 100ms credentials this page runs the room on 100ms.
        </p>
      )}
      {session.status === "SCHEDULED" && (
        <Form method="post" action={`/app/live/${session.id}`} className="panel">
          <p>This session has not started yet.</p>
          <button className="primary" name="intent" value="start">Start session</button>
        </Form>
      )}
      {session.status === "LIVE" && (
        <ClientOnly fallback={<p role="status">Loading the video room…</p>}>
          {() => <VideoRoom sessionId={session.id} role="host" autoJoin={false} onEndSession={endForEveryone} onStatus={setRoomStatus} />}
        </ClientOnly>
      )}
      {live && roomStatus !== "in-room" && (
        // Outside the room component: the class can be ended even when the room cannot connect.
        <section className="panel" aria-label="End the session">
          <p>The session is live. You can end it for everyone at any time, whether or not the room has opened.</p>
          <EndSessionButton onEnd={endForEveryone} busy={navigation.state !== "idle" && navigation.formData?.get("intent") === "end"} />
        </section>
      )}
      {(session.status === "ENDED" || session.status === "CANCELLED") && (
        <p className="panel">
          This session is {session.status === "ENDED" ? "over" : "cancelled"}. <Link to="/app/live/dashboard">Back to your sessions</Link>
        </p>
      )}
    </>
  );
}

const HOST_ROOM = graphql(`
  query HostRoom($id: ID!) {
    session(id: $id) {
      id
      title
      status
      viewerIsHost
      enrolledCount
      currentViewers
      attendedCount
      hmsDetails {
        roomId
      }
    }
  }
`);
