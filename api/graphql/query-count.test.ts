/**
 * No N+1: a page of sessions with every related field selected costs the same, small
 * number of SQL statements whether it holds 10 sessions or 100.
 */
import { describe, expect, it } from "vitest";
import { getDemoUser } from "../stand-ins/auth0/demo-users.js";
import type { Viewer } from "../domain/viewer.js";
import { useTestApp } from "../test-support/hooks.js";
import { graphql } from "../test-support/__generated__/index.js";

let statements: string[] = [];
let counting = false;
const t = useTestApp({
  onQuery: (sql) => {
    if (counting) statements.push(sql);
  },
});

const HOUR = 3_600_000;
const MAX_STATEMENTS = 8;

const PAGE = graphql(`
  query Page($limit: Int) {
    sessions(limit: $limit) {
      total
      items {
        id
        title
        expertName
        expertAvatar
        expert { id name isExpert }
        viewerEnrollment { id paid session { id title } }
        participants { id userName userEmail attended watchTime feedbackRating }
        hmsDetails { roomId roomCode }
        canWatchRecording
        feedback { count averageRating ratingCounts comments { userName rating comment } }
        enrolledCount
        seatsLeft
        viewerCan { enroll { allowed reason } start { allowed } join { allowed reason } watchRecording { allowed } rate { allowed } }
      }
    }
  }
`);

interface PageItem {
  id: string;
  expertName: string;
  expert: { name: string };
  viewerEnrollment: { id: string; session: { id: string } } | null;
  participants: { id: string; userName: string }[] | null;
  hmsDetails: { roomId: string } | null;
  canWatchRecording: boolean;
  viewerCan: { watchRecording: { allowed: boolean } };
  feedback: { count: number; comments: { rating: number }[] } | null;
}

async function viewerFor(key: "deepak" | "meera" | "priya" | "tom" | "lena"): Promise<Viewer> {
  const u = getDemoUser(key);
  // The same claims the demo token carries, so the request finds this user as it is.
  return t.app.composition.services.resolveViewer({ subject: u.sub, name: u.name, email: u.email, picture: u.picture, roles: [...u.roles] });
}

/**
 * Adds `n` sessions by four experts (deepak owns every fourth), each with two students
 * enrolled; deepak enrolls in every third session of another expert, and his first two
 * sessions are live. Returns nothing: the page itself is checked.
 */
async function seed(n: number, offset: number): Promise<void> {
  const services = t.app.composition.services;
  const experts = [
    await viewerFor("deepak"),
    await viewerFor("meera"),
    await services.resolveViewer({ subject: "test|expert-3", name: "Expert Three", roles: ["expert"] }),
    await services.resolveViewer({ subject: "test|expert-4", name: "Expert Four", roles: ["expert"] }),
  ];
  const students = [await viewerFor("priya"), await viewerFor("tom"), await viewerFor("lena")];
  const deepak = experts[0]!;
  const now = t.app.clock.now().getTime();
  let deepakStarted = 0;
  for (let i = offset; i < offset + n; i += 1) {
    const expert = experts[i % experts.length]!;
    const start = new Date(now + HOUR + i * 60_000);
    const session = await services.createSession(expert, {
      title: `Class number ${i}`,
      sessionType: "group",
      scheduledStartTime: start.toISOString(),
      scheduledEndTime: new Date(start.getTime() + HOUR).toISOString(),
      maxParticipants: 30,
    });
    await services.enroll(students[i % 3]!, session.id);
    await services.enroll(students[(i + 1) % 3]!, session.id);
    if (expert !== deepak && i % 3 === 0) await services.enroll(deepak, session.id);
    if (expert === deepak && offset === 0 && deepakStarted < 2) {
      await services.startSession(deepak, session.id);
      deepakStarted += 1;
    }
  }
  // Every session has a recording and every participant rated it, so those fields load too.
  await t.database.query("update live_sessions set recording_available = true");
  await t.database.query("update live_session_participants set feedback_rating = 4, feedback_comment = 'Good class', feedback_at = now()");
}

/** Runs the page query as deepak and returns its items with the number of SQL statements it cost. */
async function measure(limit: number): Promise<{ items: PageItem[]; total: number; count: number; sql: string[] }> {
  statements = [];
  counting = true;
  const data = await t.app.gqlOk(PAGE, { limit }, "deepak");
  counting = false;
  return { ...data.sessions, count: statements.length, sql: statements };
}

describe("listing sessions costs a constant number of queries", () => {
  it("10 sessions and 100 sessions cost the same, and few, SQL statements", async () => {
    await seed(10, 0);
    // Warm up: the first request of a user may refresh their profile.
    await measure(100);
    const ten = await measure(100);
    expect(ten.items).toHaveLength(10);

    await seed(90, 10);
    const hundred = await measure(100);
    expect(hundred.items).toHaveLength(100);
    expect(hundred.total).toBe(100);

    // The page really exercised every related field.
    for (const page of [ten, hundred]) {
      expect(new Set(page.items.map((s) => s.expertName)).size).toBe(4);
      expect(page.items.every((s) => s.expert.name === s.expertName)).toBe(true);
      expect(page.items.some((s) => s.viewerEnrollment !== null)).toBe(true);
      expect(page.items.filter((s) => s.viewerEnrollment).every((s) => s.viewerEnrollment!.session.id === s.id)).toBe(true);
      expect(page.items.some((s) => (s.participants?.length ?? 0) === 2)).toBe(true);
      expect(page.items.some((s) => s.participants === null)).toBe(true);
      expect(page.items.filter((s) => s.hmsDetails !== null)).toHaveLength(2);
      const own = page.items.filter((s) => s.expertName === "Deepak Kumar");
      expect(own.every((s) => s.feedback?.count === 2 && s.feedback.comments.length === 2 && s.canWatchRecording)).toBe(true);
      expect(page.items.filter((s) => s.feedback !== null)).toHaveLength(own.length);
      expect(page.items.filter((s) => s.viewerEnrollment).every((s) => s.canWatchRecording)).toBe(true);
      expect(page.items.some((s) => !s.canWatchRecording)).toBe(true);
      expect(page.items.every((s) => s.viewerCan.watchRecording.allowed === s.canWatchRecording)).toBe(true);
    }

    expect(hundred.count, `SQL for 10 sessions:\n${ten.sql.join("\n")}\n\nSQL for 100 sessions:\n${hundred.sql.join("\n")}`).toBe(ten.count);
    expect(hundred.count, hundred.sql.join("\n")).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it("a page of 10 out of 100 costs what a page of 100 costs", async () => {
    await seed(100, 0);
    await measure(10);
    const small = await measure(10);
    const large = await measure(100);
    expect(small.items).toHaveLength(10);
    expect(large.items).toHaveLength(100);
    expect(large.count, `${small.sql.join("\n")}\n\n${large.sql.join("\n")}`).toBe(small.count);
  });

  it("an anonymous page of 100 costs no more than a signed-in one", async () => {
    await seed(100, 0);
    statements = [];
    counting = true;
    const anonymous = await t.app.gqlOk(PAGE, { limit: 100 }, null);
    counting = false;
    expect(anonymous.sessions.items).toHaveLength(100);
    expect(anonymous.sessions.items.every((s) => s.viewerEnrollment === null && s.participants === null && s.hmsDetails === null)).toBe(true);
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(MAX_STATEMENTS);
  });
});
