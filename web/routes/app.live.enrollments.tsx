import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LiveSessionCard } from "../components/live-session-card";
import { graphql } from "../graphql/__generated__";
import { load } from "../lib/graphql-errors.server";

export const meta: MetaFunction = () => [{ title: "My classes — Live Sessions" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const data = await load(request, () => context.gql(MY_ENROLLMENTS, {}));
  const sessions = data.myEnrollments.map((e) => e.session);
  const upcoming = sessions.filter((s) => s.status === "SCHEDULED" || s.status === "LIVE");
  const past = sessions.filter((s) => s.status === "ENDED" || s.status === "CANCELLED").reverse();
  return { upcoming, past };
}

export default function MyEnrollments() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My classes</h1>
      <h2>Upcoming</h2>
      {upcoming.length ? (
        <div className="grid">{upcoming.map((s) => <LiveSessionCard key={s.id} session={s} />)}</div>
      ) : (
        <p className="empty">
          No upcoming classes. <Link to="/app/live">Find a class to join</Link>
        </p>
      )}
      <h2>Past</h2>
      {past.length ? <div className="grid">{past.map((s) => <LiveSessionCard key={s.id} session={s} />)}</div> : <p>None yet.</p>}
    </>
  );
}

const MY_ENROLLMENTS = graphql(`
  query MyEnrollments {
    myEnrollments {
      id
      session {
        ...SessionCard
      }
    }
  }
`);
