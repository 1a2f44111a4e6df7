/**
 * The benchmark's yardstick, in a process of its own: a bare node:http server running the same
 * list SQL through the same driver (postgres-js) and answering the same JSON as the REST list
 * (GET /?status=live&limit=20); and a bare enroll (POST /enroll/:sessionId), one transaction of
 * the seat's UPDATE and the participant's INSERT, for students who already exist (the
 * `authorization` header is the user's id, nothing verified). Every ratio is to this server.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { announce, databaseUrl } from "./child.js";
import { listPage, openSql } from "./list-page.js";

const sql = openSql(databaseUrl());
const enroll = async (req: IncomingMessage, res: ServerResponse, sessionId: string) => {
  const userId = req.headers.authorization ?? "";
  const now = new Date();
  const enrolled = await sql.begin(async (tx) => {
    const [seat] = await tx`update live_sessions set enrolled_count = enrolled_count + 1, updated_at = ${now}
      where id = ${sessionId} and status in ('scheduled', 'live')
        and (max_participants is null or enrolled_count + held_seats < max_participants) returning id`;
    if (!seat) return null;
    const [row] = await tx`insert into live_session_participants (id, session_id, user_id, user_name, enrolled_at, created_at, updated_at)
      values (${`part_${randomBytes(8).toString("hex")}`}, ${sessionId}, ${userId}, ${userId}, ${now}, ${now}, ${now}) returning id`;
    return row!.id as string;
  });
  res.statusCode = enrolled ? 200 : 400;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(enrolled ? { success: true, data: { participantId: enrolled } } : { success: false, error: "full" }));
};
const server: Server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  const enrollPath = /^\/enroll\/([\w-]+)$/.exec(url.pathname);
  if (req.method === "POST" && enrollPath) {
    return enroll(req, res, enrollPath[1]!).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  }
  const limit = Math.min(100, Number(url.searchParams.get("limit") ?? 20));
  const status = url.searchParams.get("status") ?? "live";
  const { data, total } = await listPage(sql, status, limit);
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ success: true, data, total }));
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
announce((server.address() as AddressInfo).port, async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await sql.end();
});
