/**
 * Issue 18's "Fastify 5 + postgres-js" baseline, in a process of its own: what a hand-written
 * server on a fast framework does with the bare list's SQL (list-page.ts) and JSON
 * (`{ success: true, data, total }`, GET /?status=live&limit=20).
 *
 * The 200 response schema is what makes Fastify fast: with it Fastify serializes through
 * fast-json-stringify (code compiled from the schema) instead of JSON.stringify. Its item keeps
 * every field the bare list sends; metadata is any JSON object (additionalProperties), as there.
 * Logging is off (`logger: false`), as a hand-written fast server would be measured; the product
 * logs each request at info, which is part of its cost.
 */
import Fastify from "fastify";
import { announce, databaseUrl } from "./child.js";
import { listPage, openSql } from "./list-page.js";

const text = { type: "string" } as const;
const integer = { type: "integer" } as const;
const item = {
  type: "object",
  properties: {
    id: text, expertId: text, expertName: text, expertAvatar: text, title: text, description: text, sessionType: text,
    scheduledStartTime: text, scheduledEndTime: text, actualStartTime: text, maxParticipants: integer, currentViewers: integer,
    price: { type: "number" }, currency: text, status: text, recordingAvailable: { type: "boolean" }, enrolledCount: integer,
    attendedCount: integer,
    metadata: {
      type: "object",
      properties: { category: text, difficulty: text, equipment: { type: "array", items: text }, tags: { type: "array", items: text } },
      additionalProperties: true,
    },
    featured: { type: "boolean" }, isFree: { type: "boolean" }, createdAt: text, updatedAt: text,
  },
} as const;
const page = {
  type: "object",
  properties: { success: { type: "boolean" }, data: { type: "array", items: item }, total: integer },
} as const;

const sql = openSql(databaseUrl());
const app = Fastify({ logger: false });
app.get<{ Querystring: { status?: string; limit?: string } }>("/", { schema: { response: { 200: page } } }, async (request) => {
  const limit = Math.min(100, Number(request.query.limit ?? 20));
  const status = request.query.status ?? "live";
  const { data, total } = await listPage(sql, status, limit);
  return { success: true, data, total };
});
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
announce(typeof address === "object" && address ? address.port : 0, async () => {
  await app.close();
  await sql.end();
});
