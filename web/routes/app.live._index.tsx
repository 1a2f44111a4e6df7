import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LiveSessionCard } from "../components/live-session-card";
import { DifficultySelect } from "../components/difficulty-select";
import { graphql } from "../graphql/__generated__";
import type { BrowseQuery, SessionStatus } from "../graphql/__generated__/graphql";
import { pageFor } from "../lib/graphql-errors.server";

export const meta: MetaFunction = () => [{ title: "Browse live classes — Live Sessions" }];

const PAGE_SIZE = 12;
const TABS: { key: string; label: string; status: SessionStatus }[] = [
  { key: "live", label: "Live now", status: "LIVE" },
  { key: "upcoming", label: "Upcoming", status: "SCHEDULED" },
  { key: "past", label: "Past", status: "ENDED" },
];

/** The filters a browse link carries: search words, category, difficulty; empty ones left out. */
type Filters = { q: string; category: string; difficulty: string };
const filterParams = (f: Filters) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== ""));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const tab = TABS.find((t) => t.key === url.searchParams.get("tab")) ?? TABS[1]!;
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const filters: Filters = {
    q: url.searchParams.get("q")?.trim() ?? "",
    category: url.searchParams.get("category")?.trim() ?? "",
    difficulty: url.searchParams.get("difficulty")?.trim() ?? "",
  };
  const variables = {
    status: tab.status,
    search: filters.q || undefined,
    category: filters.category || undefined,
    difficulty: filters.difficulty || undefined,
    limit: PAGE_SIZE,
    skip: (page - 1) * PAGE_SIZE,
  };
  let data;
  try {
    data = await context.gql(BROWSE, variables);
  } catch (error) {
    // A search or filter the API refuses ("!!!", a 200-letter category) is said beside the
    // form, with the person's words kept so they can change them.
    const problem = pageFor(error, request);
    if (problem.code !== "BAD_USER_INPUT") throw problem;
    const none: BrowseQuery["sessions"] = { total: 0, items: [] };
    return { liveNow: 0, tab: tab.key, page: 1, filters, problem: problem.message, sessions: none };
  }
  // A page past the end (an old link, a list that shrank) goes to the last page, not "Page 5 of 1".
  const last = Math.max(1, Math.ceil(data.sessions.total / PAGE_SIZE));
  if (page > last) {
    url.searchParams.set("page", String(last));
    if (last === 1) url.searchParams.delete("page");
    throw redirect(`${url.pathname}?${url.searchParams}`);
  }
  return { liveNow: data.live.total, tab: tab.key, page, filters, problem: null, sessions: data.sessions };
}

export default function Browse() {
  const { tab, page, filters, problem, sessions, liveNow } = useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(sessions.total / PAGE_SIZE));
  const filtered = Object.keys(filterParams(filters)).length > 0;
  const link = (params: Record<string, string | number>) =>
    `?${new URLSearchParams({ tab, ...filterParams(filters), ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) })}`;
  const tabLabel = TABS.find((t) => t.key === tab)!.label.toLowerCase();
  return (
    <>
      <h1>Live yoga classes</h1>
      <Form className="filters" method="get" role="search" aria-label="Find classes">
        <input type="hidden" name="tab" value={tab} />
        <label className="search">
          Search
          <input
            type="search"
            name="q"
            defaultValue={filters.q}
            placeholder="Class, teacher or style"
            maxLength={100}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "filter-problem" : undefined}
          />
        </label>
        <label>
          Category
          <input name="category" defaultValue={filters.category} placeholder="Vinyasa, Hatha…" maxLength={50} />
        </label>
        <label>
          Difficulty
          <DifficultySelect defaultValue={filters.difficulty} emptyLabel="Any" />
        </label>
        <button type="submit" className="secondary">Search</button>
      </Form>
      {problem && (
        <p id="filter-problem" className="error" role="alert">
          {problem}
        </p>
      )}
      <nav className="tabs" aria-label="When">
        {/* The search and filters stay when the tab changes; Live now says how many are on. */}
        {TABS.map((t) => (
          <Link key={t.key} to={`?${new URLSearchParams({ tab: t.key, ...filterParams(filters) })}`} aria-current={t.key === tab ? "page" : undefined}>
            {t.label}
            {t.key === "live" && liveNow > 0 && (
              <span className="count" aria-label={`${liveNow} live`}>
                {liveNow}
              </span>
            )}
          </Link>
        ))}
      </nav>
      {sessions.items.length === 0 ? (
        <div className="empty">
          {filtered ? (
            <p>
              No {tabLabel} classes match {filters.q ? <>&ldquo;{filters.q}&rdquo;{filters.category || filters.difficulty ? " and these filters" : ""}</> : "these filters"}.{" "}
              <Link to={`?tab=${tab}`}>Clear the search and filters</Link>
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
  query Browse($status: SessionStatus, $search: String, $category: String, $difficulty: String, $limit: Int, $skip: Int) {
    sessions(status: $status, search: $search, category: $category, difficulty: $difficulty, limit: $limit, skip: $skip) {
      total
      items {
        ...SessionCard
      }
    }
    live: sessions(status: LIVE, search: $search, category: $category, difficulty: $difficulty, limit: 1) {
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
