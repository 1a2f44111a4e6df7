/**
 * Issue 18's "Apollo Server 5, hand-written schema" baseline, in a process of its own: the same
 * GraphQL server library as the product, but a schema written for this one query (typeDefs +
 * resolvers) and one resolver running the bare list's SQL (list-page.ts). It answers the
 * product's LIST_QUERY shape, `sessions(status: LIVE, limit: 20) { total items { … } }`, so the
 * gap to the product's GraphQL list is the product's own work, not Apollo's.
 *
 * As production would run it: the standalone node:http server, introspection off, no stack
 * traces, and only the plugins the product has too (landing page off; cache control off, which
 * the product measured as a list's largest cost and sets no hints for).
 */
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { announce, databaseUrl } from "./child.js";
import { listPage, openSql } from "./list-page.js";

const typeDefs = `#graphql
  scalar DateTime
  enum SessionStatus { SCHEDULED LIVE ENDED CANCELLED }
  enum SessionType { ONE_ON_ONE GROUP WORKSHOP }
  type SessionMetadata { category: String difficulty: String equipment: [String!] tags: [String!] }
  type LiveSession {
    id: ID! expertId: ID! expertName: String! expertAvatar: String title: String! description: String!
    sessionType: SessionType! scheduledStartTime: DateTime! scheduledEndTime: DateTime! actualStartTime: DateTime
    maxParticipants: Int currentViewers: Int! price: Float! currency: String! status: SessionStatus!
    recordingAvailable: Boolean! enrolledCount: Int! attendedCount: Int! metadata: SessionMetadata featured: Boolean!
    isFree: Boolean! createdAt: DateTime! updatedAt: DateTime!
  }
  type SessionPage { items: [LiveSession!]! total: Int! limit: Int! skip: Int! }
  type Query { sessions(status: SessionStatus, limit: Int): SessionPage! }
`;

const sql = openSql(databaseUrl());
const resolvers = {
  // The enums' values are the database's (the items carry them as stored; DateTime is already an ISO string).
  SessionStatus: { SCHEDULED: "scheduled", LIVE: "live", ENDED: "ended", CANCELLED: "cancelled" },
  SessionType: { ONE_ON_ONE: "1-on-1", GROUP: "group", WORKSHOP: "workshop" },
  Query: {
    sessions: async (_: unknown, args: { status?: string; limit?: number }) => {
      const limit = Math.min(100, args.limit ?? 20);
      const { data, total } = await listPage(sql, args.status ?? "live", limit);
      return { items: data, total, limit, skip: 0 };
    },
  },
};

const server = new ApolloServer({
  typeDefs,
  resolvers,
  introspection: false,
  // Shutdown is the launcher's (child.ts), as the product's is api/main.ts's.
  stopOnTerminationSignals: false,
  includeStacktraceInErrorResponses: false,
  plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
});
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
announce(Number(new URL(url).port), async () => {
  await server.stop();
  await sql.end();
});
