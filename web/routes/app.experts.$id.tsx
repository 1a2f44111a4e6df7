import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LiveSessionCard } from "../components/live-session-card";
import { graphql } from "../graphql/__generated__";
import { load, pageFor } from "../lib/graphql-errors.server";

const SHOWN = 12;

const notFound = () => new Response("There is no teacher at this address.", { status: 404 });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.expert.name} — Live Sessions` : "Expert — Live Sessions" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const data = await load(request, () => context.gql(EXPERT_PAGE, { id: params.id!, shown: SHOWN })).catch((error) => {
    // An id no user could have (too long, control characters) is simply not a teacher here.
    if (pageFor(error, request).code === "BAD_USER_INPUT") throw notFound();
    throw error;
  });
  if (!data.expert) throw notFound();
  return data as typeof data & { expert: NonNullable<typeof data.expert> };
}

/** "4.67 out of 5 from 12 ratings", said in words and shown as stars' worth of text. */
function Rating({ average, count }: { average: number | null; count: number }) {
  if (average === null || count === 0) return <p className="rating">No ratings yet</p>;
  return (
    <p className="rating">
      <span aria-hidden>★ </span>
      <strong>{average.toFixed(1)}</strong> out of 5 from {count} rating{count === 1 ? "" : "s"}
    </p>
  );
}

export default function ExpertPage() {
  const { expert, live, upcoming, past } = useLoaderData<typeof loader>();
  const classes = [...live.items, ...upcoming.items];
  return (
    <article>
      <p>
        <Link to="/app/live">← All sessions</Link>
      </p>
      <header className="profile">
        {expert.avatar ? <img src={expert.avatar} alt="" width={72} height={72} /> : <span aria-hidden className="profile-mark">{expert.name.slice(0, 1).toUpperCase()}</span>}
        <div>
          <h1>{expert.name}</h1>
          <Rating average={expert.averageRating} count={expert.ratingCount} />
        </div>
      </header>
      <h2>Live now and coming up</h2>
      {classes.length === 0 ? (
        <p className="empty">
          {expert.name} has no class scheduled right now. <Link to="/app/live">Browse other classes</Link>
        </p>
      ) : (
        <div className="grid">
          {classes.map((s) => (
            <LiveSessionCard key={s.id} session={s} />
          ))}
        </div>
      )}
      {upcoming.total > upcoming.items.length && (
        <p>
          And {upcoming.total - upcoming.items.length} more later.
        </p>
      )}
      <p className="muted">
        {past.total === 0 ? "No past classes yet." : `${past.total} class${past.total === 1 ? "" : "es"} taught so far.`}
      </p>
    </article>
  );
}

const EXPERT_PAGE = graphql(`
  query ExpertPage($id: ID!, $shown: Int) {
    expert(id: $id) {
      id
      name
      avatar
      ratingCount
      averageRating
    }
    live: sessions(expertId: $id, status: LIVE, limit: $shown) {
      total
      items {
        ...SessionCard
      }
    }
    upcoming: sessions(expertId: $id, status: SCHEDULED, limit: $shown) {
      total
      items {
        ...SessionCard
      }
    }
    past: sessions(expertId: $id, status: ENDED, limit: 1) {
      total
    }
  }
`);
