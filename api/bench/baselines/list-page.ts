/**
 * The list page every hand-written baseline serves (bare node:http, Fastify, Apollo): the same two
 * statements through the same driver (postgres-js) as the product's list, and the same JSON item as
 * the REST list's. One copy, so "same SQL, same JSON" holds by construction; PostGraphile writes its
 * own SQL (postgraphile.ts).
 */
import type { Sql } from "postgres";
import postgres from "postgres";

/** Ten connections, as the product's pool (api/db/client.ts: `max: maxConnections ?? 10`). */
export const openSql = (databaseUrl: string): Sql => postgres(databaseUrl, { max: 10, connection: { TimeZone: "UTC" } });

export async function listPage(sql: Sql, status: string, limit: number) {
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
  return { data, total };
}
