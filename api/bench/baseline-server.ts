/**
 * The benchmark's yardsticks: a bare node:http server running the same list SQL through
 * the same driver (postgres-js) and answering the same JSON as the REST list; and a bare
 * enroll, one transaction of the seat's UPDATE and the participant's INSERT, for students
 * who already exist (the `authorization` header is the user's id, nothing verified).
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";

export async function startBaseline(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const sql = postgres(databaseUrl, { max: 10, connection: { TimeZone: "UTC" } });
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
    const [rows, counted] = await Promise.all([
      // The columns the JSON uses (as the product's select does): not s.*, which would carry search_vector too.
      sql`select s.id, s.expert_id, s.title, s.description, s.session_type, s.scheduled_start_time, s.scheduled_end_time,
            s.actual_start_time, s.max_participants, s.current_viewers, s.price, s.currency, s.status, s.recording_available,
            s.enrolled_count, s.attended_count, s.metadata, s.featured, s.created_at, s.updated_at,
            u.name as expert_name, u.avatar_url as expert_avatar from live_sessions s join users u on u.id = s.expert_id
          where s.status = ${status} order by s.scheduled_start_time, s.id limit ${limit}`,
      // The list's total comes from the per-status counts (see session_counts in api/db/schema.ts).
      sql`select coalesce(sum(sessions), 0)::int as total from session_counts where status = ${status}`,
    ]);
    const total = Number(counted[0]?.total ?? 0);
    const data = rows.map((r) => ({
      id: r.id, expertId: r.expert_id, expertName: r.expert_name, expertAvatar: r.expert_avatar ?? undefined,
      title: r.title, description: r.description, sessionType: r.session_type,
      scheduledStartTime: r.scheduled_start_time.toISOString(), scheduledEndTime: r.scheduled_end_time.toISOString(),
      actualStartTime: r.actual_start_time?.toISOString(), maxParticipants: r.max_participants ?? undefined,
      currentViewers: r.current_viewers, price: Number(r.price), currency: r.currency, status: r.status,
      recordingAvailable: r.recording_available, enrolledCount: r.enrolled_count, attendedCount: r.attended_count,
      metadata: r.metadata ?? undefined, featured: r.featured, isFree: Number(r.price) === 0,
      createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
    }));
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ success: true, data, total }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await sql.end();
    },
  };
}
