/**
 * Issue 18's baselines as the bench runs them: for each, its BENCH_ONLY name, the module its
 * process runs (this folder), the request of its list scenario, and where the page and the total
 * are in its answer (for the sanity check in launch.ts, before anything is measured). Every one
 * asks for the same page: live sessions, 20, ordered by scheduled start then id, with the
 * expert's name and avatar and the total.
 */
import type { LoadJob } from "../load-generator.js";

export type Job = Omit<LoadJob, "connections">;

/** The product's GraphQL list (bench.ts's graphql-list), which the Apollo baseline answers too. */
export const LIST_QUERY = `query { sessions(status: LIVE, limit: 20) { total items { id expertId expertName expertAvatar title description sessionType
  scheduledStartTime scheduledEndTime actualStartTime maxParticipants currentViewers price currency status recordingAvailable
  enrolledCount attendedCount metadata { category difficulty equipment tags } featured isFree createdAt updatedAt } } }`;

/**
 * The same page through PostGraphile's generated schema: its connection over live_sessions with a
 * condition, its orderBy enums and totalCount; the columns LIST_QUERY asks for (isFree is the
 * product's, computed, not a column; metadata is a JSON scalar, whole), and the expert through the
 * expert_id foreign key.
 */
export const POSTGRAPHILE_LIST_QUERY = `query { allLiveSessions(condition: { status: "live" }, first: 20, orderBy: [SCHEDULED_START_TIME_ASC, ID_ASC]) {
  totalCount nodes { id expertId title description sessionType scheduledStartTime scheduledEndTime actualStartTime maxParticipants
  currentViewers price currency status recordingAvailable enrolledCount attendedCount metadata featured createdAt updatedAt
  userByExpertId { name avatarUrl } } } }`;

export interface ListPage {
  items: { id: string; expertName: unknown }[];
  total: number;
}

export interface Baseline {
  /** Its BENCH_ONLY name; "baseline" is the bare node:http every ratio divides by. */
  scenario: "baseline" | "fastify" | "postgraphile" | "apollo";
  /** The module its process runs, in this folder. */
  module: string;
  /** Its list scenario's name in the bench's results. */
  label: string;
  /** Its row in issue 18's table. */
  server: string;
  listJob(url: string): Job;
  page(answer: any): ListPage;
}

const graphql = (url: string, query: string): Job => ({ url, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });

export const BASELINES: readonly Baseline[] = [
  {
    scenario: "baseline",
    module: "bare-node-http.ts",
    label: "baseline list (node:http)",
    server: "bare node:http + postgres-js",
    listJob: (url) => ({ url: `${url}/?status=live&limit=20` }),
    page: (answer) => ({ items: answer.data, total: answer.total }),
  },
  {
    scenario: "fastify",
    module: "fastify.ts",
    label: "Fastify 5 list (postgres-js)",
    server: "Fastify 5 + postgres-js",
    listJob: (url) => ({ url: `${url}/?status=live&limit=20` }),
    page: (answer) => ({ items: answer.data, total: answer.total }),
  },
  {
    scenario: "postgraphile",
    module: "postgraphile.ts",
    label: "PostGraphile 4 list",
    server: "PostGraphile 4",
    listJob: (url) => graphql(`${url}/graphql`, POSTGRAPHILE_LIST_QUERY),
    page: (answer) => ({
      items: answer.data.allLiveSessions.nodes.map((n: any) => ({ id: n.id, expertName: n.userByExpertId?.name })),
      total: answer.data.allLiveSessions.totalCount,
    }),
  },
  {
    scenario: "apollo",
    module: "apollo-hand-written.ts",
    label: "Apollo Server 5 list (hand-written schema)",
    server: "Apollo Server 5, hand-written schema",
    listJob: (url) => graphql(`${url}/graphql`, LIST_QUERY),
    page: (answer) => ({ items: answer.data.sessions.items, total: answer.data.sessions.total }),
  },
];
