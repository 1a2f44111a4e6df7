import { describe, expect, it } from "vitest";
import { roomProblem, withoutTokens } from "./room-problems";

const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb29tX2lkIjoiYWJjIn0.c2lnbmF0dXJl";

describe("what the room page says", () => {
  it("cuts join tokens out of text meant for logs", () => {
    expect(withoutTokens(`join: failed [token=${jwt}] and ws://x/v2/ws?token=${jwt}&peer=1`)).toBe("join: failed [token=[token]] and ws://x/v2/ws?token=[token]&peer=1");
  });

  it("passes the app's own reasons on, and names a lost connection, a timeout and a closed room", () => {
    expect(roomProblem(new Error("You are not enrolled in this session."))).toBe("You are not enrolled in this session.");
    expect(roomProblem({ code: 410, message: "[INIT]: Server error Connection lost", description: "Connection lost" })).toBe("The connection to the video room was lost.");
    expect(roomProblem(new Error("Joining the room took too long"))).toBe("Joining the room took too long. The video service did not answer in time.");
    expect(roomProblem({ code: 403, message: "Room is disabled" })).toBe("This room is closed, so it cannot be joined.");
    expect(roomProblem({ code: 400, message: "join refused" })).toMatch(/cannot be reached right now/);
  });
});
