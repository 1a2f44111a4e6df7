import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { LocalTime } from "../components/local-time";
import { graphql } from "../graphql/__generated__";
import { STATUS_LABEL } from "../lib/format";
import { load, signInUrl } from "../lib/graphql-errors.server";

export const meta: MetaFunction = () => [{ title: "Your sessions — Live Sessions" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!context.viewer) throw redirect(signInUrl(request));
  if (!context.viewer.isExpert) throw new Response("The dashboard is for experts.", { status: 403 });
  const data = await load(request, () => context.gql(DASHBOARD, { expertId: context.viewer!.id }));
  return { sessions: data.sessions.items, total: data.sessions.total };
}

/** While a session is live, the numbers refresh this often. */
const LIVE_POLL_MS = 5000;

export default function Dashboard() {
  const { sessions, total } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const anyLive = sessions.some((s) => s.status === "LIVE");
  useEffect(() => {
    if (!anyLive) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), LIVE_POLL_MS);
    return () => clearInterval(timer);
  }, [anyLive, revalidator]);
  return (
    <>
      <h1>Your sessions</h1>
      <p>
        {total} session{total === 1 ? "" : "s"} · <Link to="/app/live/new">Schedule a new one</Link>
      </p>
      <div className="table-wrap">
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
                <td>
                  <Link to={`/app/live/${s.id}`}>{s.title}</Link>
                </td>
                <td>
                  <LocalTime iso={s.scheduledStartTime} />
                </td>
                <td>
                  <span className={`badge ${s.status.toLowerCase()}`}>{STATUS_LABEL[s.status]}</span>
                </td>
                <td>
                  {s.enrolledCount}
                  {s.maxParticipants != null && ` / ${s.maxParticipants}`}
                </td>
                <td>{s.status === "LIVE" ? s.currentViewers : "—"}</td>
                <td>{s.status === "SCHEDULED" ? "—" : s.attendedCount}</td>
                <td>
                  {s.feedback?.averageRating != null ? (
                    <Link to={`/app/live/${s.id}#feedback`}>
                      {s.feedback.averageRating.toFixed(1)} ★ ({s.feedback.count})
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {/* Offered as the API allows (a session past its scheduled end can no longer start). */}
                  <div className="controls">
                    {s.viewerCan.start.allowed && (
                      <Form method="post" action={`/app/live/${s.id}`}>
                        <button className="primary" name="intent" value="start">Start</button>
                      </Form>
                    )}
                    {s.viewerCan.join.allowed && <Link className="button small" to={`/app/live/host/${s.id}`}>Room</Link>}
                    {s.viewerCan.end.allowed && (
                      <Form method="post" action={`/app/live/${s.id}`}>
                        <button className="danger" name="intent" value="end">End</button>
                      </Form>
                    )}
                    {s.viewerCan.cancel.allowed && (
                      <Form method="post" action={`/app/live/${s.id}`}>
                        <button className="secondary" name="intent" value="cancel">Cancel</button>
                      </Form>
                    )}
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
    }
  }
`);
