import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LiveSessionCard } from "../components/live-session-card";
import { DifficultySelect } from "../components/difficulty-select";
import { graphql } from "../graphql/__generated__";
import type { SessionStatus } from "../graphql/__generated__/graphql";
import { load } from "../lib/graphql-errors.server";

export const meta: MetaFunction = () => [{ title: "Browse live classes — Live Sessions" }];

const PAGE_SIZE = 12;
const TABS: { key: string; label: string; status: SessionStatus }[] = [
  { key: "live", label: "Live now", status: "LIVE" },
  { key: "upcoming", label: "Upcoming", status: "SCHEDULED" },
  { key: "past", label: "Past", status: "ENDED" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const tab = TABS.find((t) => t.key === url.searchParams.get("tab")) ?? TABS[1]!;
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const category = url.searchParams.get("category")?.trim() || undefined;
  const difficulty = url.searchParams.get("difficulty")?.trim() || undefined;
  const data = await load(request, () =>
    context.gql(BROWSE, { status: tab.status, category, difficulty, limit: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE }),
  );
  // A page past the end (an old link, a list that shrank) goes to the last page, not "Page 5 of 1".
  const last = Math.max(1, Math.ceil(data.sessions.total / PAGE_SIZE));
  if (page > last) {
    url.searchParams.set("page", String(last));
    if (last === 1) url.searchParams.delete("page");
    throw redirect(`${url.pathname}?${url.searchParams}`);
  }
  return {
    liveNow: data.live.total,
    tab: tab.key,
    page,
    category: category ?? "",
    difficulty: difficulty ?? "",
    sessions: data.sessions,
  };
}

export default function Browse() {
  const { tab, page, category, difficulty, sessions, liveNow } = useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(sessions.total / PAGE_SIZE));
  const link = (params: Record<string, string | number>) =>
    `?${new URLSearchParams({ tab, ...(category && { category }), ...(difficulty && { difficulty }), ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) })}`;
  return (
    <>
      <h1>Live yoga classes</h1>
      <nav className="tabs" aria-label="When">
        {/* The filters stay when the tab changes; Live now says how many are on. */}
        {TABS.map((t) => (
          <Link key={t.key} to={`?${new URLSearchParams({ tab: t.key, ...(category && { category }), ...(difficulty && { difficulty }) })}`} aria-current={t.key === tab ? "page" : undefined}>
            {t.label}
            {t.key === "live" && liveNow > 0 && (
              <span className="count" aria-label={`${liveNow} live`}>
                {liveNow}
              </span>
            )}
          </Link>
        ))}
      </nav>
      <Form className="filters" method="get">
        <input type="hidden" name="tab" value={tab} />
        <label>
          Category
          <input name="category" defaultValue={category} placeholder="Vinyasa, Hatha…" />
        </label>
        <label>
          Difficulty
          <DifficultySelect defaultValue={difficulty} emptyLabel="Any" />
        </label>
        <button type="submit" className="secondary">Filter</button>
      </Form>
      {sessions.items.length === 0 ? (
        <div className="empty">
          {category || difficulty ? (
            <p>
              No {TABS.find((t) => t.key === tab)!.label.toLowerCase()} classes match these filters.{" "}
              <Link to={`?tab=${tab}`}>Clear the filters</Link>
            </p>
          ) : (
            <p>
              {tab === "live" ? "No class is live right now." : tab === "past" ? "No past classes yet." : "No upcoming classes yet."}{" "}
              {tab === "upcoming" ? (liveNow > 0 ? <Link to="?tab=live">See the {liveNow} live now</Link> : null) : <Link to="?tab=upcoming">See upcoming classes</Link>}
            </p>
          )}
        </div>
      ) : (
        <div className="grid">
          {sessions.items.map((s) => (
            <LiveSessionCard key={s.id} session={s} />
          ))}
        </div>
      )}
      <nav className="pager" aria-label="Pages">
        {page > 1 ? <Link to={link({ page: page - 1 })}>← Previous</Link> : <span />}
        <span>
          Page {page} of {pages}
        </span>
        {page < pages ? <Link to={link({ page: page + 1 })}>Next →</Link> : <span />}
      </nav>
    </>
  );
}

const BROWSE = graphql(`
  query Browse($status: SessionStatus, $category: String, $difficulty: String, $limit: Int, $skip: Int) {
    sessions(status: $status, category: $category, difficulty: $difficulty, limit: $limit, skip: $skip) {
      total
      items {
        ...SessionCard
      }
    }
    live: sessions(status: LIVE, category: $category, difficulty: $difficulty, limit: 1) {
      total
    }
  }
`);

graphql(`
  fragment SessionCard on LiveSession {
    id
    title
    thumbnail
    expertId
    expertName
    expertAvatar
    sessionType
    status
    scheduledStartTime
    scheduledEndTime
    price
    currency
    isFree
    seatsLeft
    recordingAvailable
    metadata {
      category
      difficulty
    }
    viewerEnrollment {
      id
    }
    viewerIsHost
    viewerCan {
      enroll {
        allowed
        code
      }
      start {
        allowed
        code
        caution
      }
      join {
        allowed
        code
      }
      watchRecording {
        allowed
        code
      }
      waitForStart {
        allowed
      }
    }
  }
`);
