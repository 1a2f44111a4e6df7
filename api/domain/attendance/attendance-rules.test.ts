import { describe, expect, it } from "vitest";
import type { HmsRoomSessionRow } from "../../db/schema.js";
import { attendanceOf, currentHmsSession, recordedHmsSessions, unionMs, viewersOf } from "./attendance-rules.js";

const m = (minutes: number) => new Date(Date.UTC(2030, 0, 15, 10, minutes));
const span = (from: number | null, to: number | null, closed: number | null = null) => ({
  joinedAt: from === null ? null : m(from),
  leftAt: to === null ? null : m(to),
  closedAt: closed === null ? null : m(closed),
});

describe("unionMs", () => {
  it("counts overlapping time once and gaps not at all", () => {
    expect(unionMs([span(0, 30), span(20, 40), span(50, 60)])).toBe(50 * 60_000);
    expect(unionMs([span(0, 60), span(10, 20)])).toBe(60 * 60_000);
    expect(unionMs([span(50, 60), span(0, 10)])).toBe(20 * 60_000);
    expect(unionMs([span(0, 10), span(10, 20)])).toBe(20 * 60_000);
  });

  it("ends an open stay at its session's close, and leaves out stays it cannot measure", () => {
    expect(unionMs([span(0, null, 30)])).toBe(30 * 60_000);
    expect(unionMs([span(0, null), span(null, 30), span(40, 35)])).toBe(0);
  });
});

describe("attendanceOf", () => {
  it("is nothing for someone never in the room", () => {
    expect(attendanceOf([])).toEqual({ attended: false, joinedAt: null, leftAt: null, watchTime: 0 });
  });

  it("takes the first join and the last leave, rounding seconds", () => {
    expect(attendanceOf([span(5, 25), span(1, 10)])).toEqual({ attended: true, joinedAt: m(1), leftAt: m(25), watchTime: 24 * 60 });
    const odd = { joinedAt: new Date(m(0).getTime() + 400), leftAt: new Date(m(0).getTime() + 2_000), closedAt: null };
    expect(attendanceOf([odd]).watchTime).toBe(2);
  });

  it("has no leftAt while one device is still in the room", () => {
    expect(attendanceOf([span(0, 10), span(5, null)])).toEqual({ attended: true, joinedAt: m(0), leftAt: null, watchTime: 10 * 60 });
  });

  it("counts as attended even when 100ms gave no times", () => {
    expect(attendanceOf([span(null, null)])).toEqual({ attended: true, joinedAt: null, leftAt: null, watchTime: 0 });
  });
});

describe("the session's numbers", () => {
  const row = (id: string, opened: number | null, recorded: number | null = null): HmsRoomSessionRow => ({
    id,
    sessionId: "ses_1",
    openedAt: opened === null ? null : m(opened),
    closedAt: null,
    recordingId: null,
    recordingPath: null,
    recordingCompletedAt: recorded === null ? null : m(recorded),
    recordingError: null,
  });

  it("has viewers only while live", () => {
    expect(viewersOf({ status: "live" }, 3)).toBe(3);
    expect(viewersOf({ status: "ended" }, 3)).toBe(0);
  });

  it("names the 100ms session opened last, and lists recordings newest first", () => {
    expect(currentHmsSession([row("b", 10), row("a", 40), row("c", null)])?.id).toBe("a");
    expect(currentHmsSession([row("a", 10), row("b", 10)])?.id).toBe("b");
    expect(currentHmsSession([])).toBeNull();
    expect(recordedHmsSessions([row("a", 0, 30), row("b", 31), row("c", 32, 90)]).map((r) => r.id)).toEqual(["c", "a"]);
  });
});
