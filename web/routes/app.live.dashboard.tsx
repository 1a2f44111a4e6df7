import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LocalTime } from "../components/local-time";
import { graphql } from "../graphql/__generated__";
import { HostAction } from "../components/host-action";
import type { SessionStatus } from "../graphql/__generated__/graphql";
import { STATUS_LABEL } from "../lib/format";
import { load, signInUrl } from "../lib/graphql-errors.server";
import { useLiveUpdates } from "../lib/live-updates";

export const meta: MetaFunction = () => [{ title: "Your sessions — Live Sessions" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!context.viewer) throw redirect(signInUrl(request));
  if (!context.viewer.isExpert) throw new Response("The dashboard is for experts.", { status: 403 });
  const data = await load(request, () => context.gql(DASHBOARD, { expertId: context.viewer!.id }));
  // Cancelled classes stay on the dashboard (the list leaves them out unless asked), in time order.
  const all = [...data.sessions.items, ...data.cancelled.items].sort((a, b) => Date.parse(a.scheduledStartTime) - Date.parse(b.scheduledStartTime));
  const show = FILTERS.find((f) => f.key === new URL(request.url).searchParams.get("show")) ?? FILTERS[0]!;
  const counts = Object.fromEntries(FILTERS.map((f) => [f.key, all.filter((s) => !f.status || s.status === f.status).length]));
  return { sessions: all.filter((s) => !show.status || s.status === show.status), show: show.key, counts, total: all.length };
}

const FILTERS: { key: string; label: string; status?: SessionStatus }[] = [
  { key: "all", label: "All" },
  { key: "upcoming", label: "Upcoming", status: "SCHEDULED" },
  { key: "live", label: "Live now", status: "LIVE" },
  { key: "ended", label: "Ended", status: "ENDED" },
  { key: "cancelled", label: "Cancelled", status: "CANCELLED" },
];

/** Each change to one of the expert's classes reloads the figures (any class: enrolments move scheduled ones too). */
const MY_SESSIONS_UPDATED = "subscription DashboardUpdates { mySessionsUpdated { id } }";
/** Without the live-update socket, and while a session is live, the numbers refresh this often. */
const LIVE_POLL_MS = 5000;

export default function Dashboard() {
  const { sessions, total, show, counts } = useLoaderData<typeof loader>();
  const anyLive = sessions.some((s) => s.status === "LIVE");
  useLiveUpdates({ subscription: MY_SESSIONS_UPDATED, fallbackPollMs: LIVE_POLL_MS, pollWhenOffline: anyLive });
  return (
    <>
      <h1>Your sessions</h1>
      <p>
        {total} session{total === 1 ? "" : "s"} · <Link to="/app/live/new">Schedule a new one</Link> · <Link to="/app/live/webhooks">Webhook endpoints</Link>
      </p>
      <nav className="tabs" aria-label="Show">
        {FILTERS.map((f) => (
          <Link key={f.key} to={f.key === "all" ? "?" : `?show=${f.key}`} aria-current={f.key === show ? "page" : undefined}>
            {f.label} <span className="count">{counts[f.key]}</span>
          </Link>
        ))}
      </nav>
      {sessions.length === 0 && (
        <p>
          {total === 0 ? "You have not scheduled a class yet." : "No classes here."} <Link to="/app/live/new">Schedule a class</Link>
        </p>
      )}
      {/* On a phone each row is a card (app.css), its actions in view; no sideways scrolling. */}
      <div className="dashboard">
        <table>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">When</th>
              <th scope="col">Status</th>
              <th scope="col">Enrolled</th>
              <th scope="col">In the room</th>
              <th scope="col">Attended</th>
              <th scope="col">Rating</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td className="title-cell">
                  <Link to={`/app/live/${s.id}`}>{s.title}</Link>
                </td>
                <td data-label="When">
                  <LocalTime iso={s.scheduledStartTime} />
                </td>
                <td data-label="Status">
                  <span className={`badge ${s.status.toLowerCase()}`}>{STATUS_LABEL[s.status]}</span>
                </td>
                <td data-label="Enrolled">
                  {s.enrolledCount}
                  {s.maxParticipants != null && ` / ${s.maxParticipants}`}
                </td>
                <td data-label="In the room">{s.status === "LIVE" ? s.currentViewers : "—"}</td>
                <td data-label="Attended">{s.status === "SCHEDULED" || s.status === "CANCELLED" ? "—" : s.attendedCount}</td>
                <td data-label="Rating">
                  {s.feedback?.averageRating != null ? (
                    <Link to={`/app/live/${s.id}#feedback`}>
                      {s.feedback.averageRating.toFixed(1)} ★ ({s.feedback.count})
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="actions-cell">
                  {/* Offered as the API allows (a session past its scheduled end can no longer start); each asks first. */}
                  <div className="controls">
                    {s.viewerCan.start.allowed && (
                      <HostAction intent="start" label="Start" action={`/app/live/${s.id}`} sessionId={s.id} title={s.title} enrolledCount={s.enrolledCount} caution={s.viewerCan.start.caution} />
                    )}
                    {s.viewerCan.join.allowed && <Link className="button small" to={`/app/live/host/${s.id}`} aria-label={`Room: ${s.title}`}>Room</Link>}
                    {s.viewerCan.end.allowed && <HostAction intent="end" label="End" action={`/app/live/${s.id}`} sessionId={s.id} title={s.title} enrolledCount={s.enrolledCount} />}
                    {s.viewerCan.cancel.allowed && <HostAction intent="cancel" label="Cancel" action={`/app/live/${s.id}`} sessionId={s.id} title={s.title} enrolledCount={s.enrolledCount} />}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const DASHBOARD = graphql(`
  query Dashboard($expertId: ID!) {
    sessions(expertId: $expertId, limit: 100) {
      total
      items {
        ...DashboardRow
      }
    }
    cancelled: sessions(expertId: $expertId, status: CANCELLED, limit: 100) {
      total
      items {
        ...DashboardRow
      }
    }
  }
`);

graphql(`
  fragment DashboardRow on LiveSession {
    id
    title
    status
    scheduledStartTime
    enrolledCount
    maxParticipants
    currentViewers
    attendedCount
    feedback {
      count
      averageRating
    }
    viewerCan {
      start {
        allowed
        caution
      }
      join {
        allowed
      }
      end {
        allowed
      }
      cancel {
        allowed
      }
    }
  }
`);
