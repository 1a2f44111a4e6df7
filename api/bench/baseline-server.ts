/**
 * The benchmark's yardstick: a bare node:http server running the same list SQL through
 * the same driver (postgres-js) and answering the same JSON as the REST list.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";

export async function startBaseline(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const sql = postgres(databaseUrl, { max: 10, connection: { TimeZone: "UTC" } });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const limit = Math.min(100, Number(url.searchParams.get("limit") ?? 20));
    const status = url.searchParams.get("status") ?? "live";
    const [rows, counted] = await Promise.all([
      sql`select s.*, u.name as expert_name, u.avatar_url as expert_avatar from live_sessions s join users u on u.id = s.expert_id
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
