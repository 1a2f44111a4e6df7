/** Bulk rows for the benchmark: experts, N live sessions, students. Plain SQL, one statement each. */
import type { OpenDatabase } from "../db/client.js";

export async function seedBenchData(db: OpenDatabase, sessions: number): Promise<void> {
  await db.query(`truncate room_cleanups, live_session_participants, live_sessions, users cascade`);
  await db.query(`
    insert into users (id, auth_subject, name, email, avatar_url, roles)
    select 'usr_expert' || i, 'bench|expert-' || i, 'Expert ' || i, 'expert' || i || '@example.com',
           'https://img.example.com/a/' || i || '.png', '{expert}'
    from generate_series(1, 100) i`);
  await db.query(
    `insert into live_sessions (id, expert_id, title, description, session_type, scheduled_start_time, scheduled_end_time,
       actual_start_time, max_participants, price, currency, status, hms_room_id, hms_room_code, metadata)
     select 'ses_bench' || lpad(i::text, 7, '0'), 'usr_expert' || (1 + i % 100), 'Flow class ' || i,
            'A benchmark session with a description of ordinary length for a yoga class.', 'group',
            timestamptz '2030-01-01' + (i || ' minutes')::interval, timestamptz '2030-01-01' + (i || ' minutes')::interval + interval '1 hour',
            timestamptz '2030-01-01', null, 0, 'INR', 'live', 'room' || i, 'abc-defg-hij',
            '{"category":"Vinyasa","difficulty":"Beginner","equipment":["Yoga Mat"],"tags":["bench"]}'::jsonb
     from generate_series(1, $1::int) i`,
    [sessions],
  );
  await db.query(`analyze`);
}

/** Students who exist already, for the bare enroll: their ids are what it takes as "authorization". */
export async function seedBaselineStudents(db: OpenDatabase, size: number, count: number): Promise<string[]> {
  const prefix = `usr_base${size}_`;
  await db.query(
    `insert into users (id, auth_subject, name, roles) select $1 || i, 'bench|base-' || $1 || i, 'Student ' || i, '{}' from generate_series(1, $2::int) i`,
    [prefix, count],
  );
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}
