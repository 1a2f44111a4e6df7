/**
 * `LiveSession.viewerCan` never disagrees with the mutations: for a grid of session states
 * × viewers × actions, on a fresh copy of the state each time, `viewerCan.<action>.allowed`
 * is true exactly when the mutation then takes effect. A refusal's reason is the mutation's
 * own message.
 */
import { describe, expect, it } from "vitest";
import type { DemoUserKey } from "../stand-ins/auth0/demo-users.js";
import { asGraphQLPayment, payAs } from "../test-support/payments.js";
import { createInput } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import type { GraphQLResponse } from "../test-support/test-app.js";
import { graphql } from "../test-support/__generated__/index.js";

const t = useTestApp();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const ACTIONS = ["enroll", "start", "end", "cancel", "join", "watchRecording", "rate", "cancelEnrollment", "joinWaitlist", "leaveWaitlist"] as const;
type Action = (typeof ACTIONS)[number];
type Who = DemoUserKey | null;
interface Ability {
  allowed: boolean;
  reason: string | null;
  code: string | null;
}

const VIEWER_CAN = graphql(`
  query ViewerCan($id: ID!) {
    session(id: $id) {
      status
      enrolledCount
      viewerWaitlist { position }
      viewerCan {
        enroll { allowed reason code }
        start { allowed reason code }
        end { allowed reason code }
        cancel { allowed reason code }
        join { allowed reason code }
        watchRecording { allowed reason code }
        rate { allowed reason code }
        cancelEnrollment { allowed reason code }
        joinWaitlist { allowed reason code }
        leaveWaitlist { allowed reason code }
        waitForStart { allowed reason code }
      }
    }
  }
`);

interface Seen {
  status: string;
  enrolledCount: number;
  viewerWaitlist: { position: number | null } | null;
  viewerCan: Record<Action | "waitForStart", Ability>;
}

const userIds = new Map<string, string>();
async function idOf(who: DemoUserKey): Promise<string> {
  if (!userIds.has(who)) userIds.set(who, (await t.app.gqlOk<{ me: { id: string } }>("{ me { id } }", {}, who)).me.id);
  return userIds.get(who)!;
}

/**
 * Deepak's session, with priya and tom enrolled (paid, when it has a price), brought to a
 * state. In the ended states priya was in the room and tom was not.
 */
interface State {
  name: string;
  build(): Promise<string>;
}

async function scheduled(overrides: Record<string, unknown> = {}, inHours = 24, students: DemoUserKey[] = ["priya", "tom"]) {
  t.app.clock.set("2030-01-15T09:00:00.000Z");
  const { createSession } = await t.app.gqlOk<{ createSession: { id: string; price: number; currency: string } }>(
    "mutation($input: CreateSessionInput!) { createSession(input: $input) { id price currency } }",
    { input: createInput(t.app.clock, overrides, inHours) },
    "deepak",
  );
  for (const who of students) {
    const payment = createSession.price > 0 ? asGraphQLPayment(await payAs(t.app, who, createSession)) : undefined;
    await t.app.gqlOk("mutation($id: ID!, $p: PaymentInput) { enroll(sessionId: $id, payment: $p) { id } }", { id: createSession.id, p: payment }, who);
  }
  return createSession.id;
}

async function live(id: string): Promise<string> {
  const { startSession } = await t.app.gqlOk<{ startSession: { roomId: string } }>("mutation($id: ID!) { startSession(id: $id) { roomId } }", { id }, "deepak");
  return startSession.roomId;
}

async function ended(id: string): Promise<string> {
  const roomId = await live(id);
  t.app.emulator.joinPeer(roomId, { userId: await idOf("deepak"), role: "host", name: "Deepak Kumar" });
  t.app.emulator.joinPeer(roomId, { userId: await idOf("priya"), role: "guest", name: "Priya Sharma" });
  await t.app.emulator.webhooksSettled();
  t.app.clock.advance(HOUR);
  await t.app.gqlOk("mutation($id: ID!) { endSession(id: $id) { sessionId } }", { id }, "deepak");
  // The room closes at 100ms, which reports the template's recording.
  await t.app.emulator.webhooksSettled();
  return id;
}

const STATES: State[] = [
  { name: "scheduled", build: () => scheduled() },
  {
    name: "scheduled, its scheduled end passed without a start",
    build: async () => {
      const id = await scheduled({}, 1);
      t.app.clock.advance(3 * HOUR);
      return id;
    },
  },
  { name: "scheduled and full", build: () => scheduled({ maxParticipants: 2 }) },
  {
    name: "scheduled and full, lena on the waitlist",
    build: async () => {
      const id = await scheduled({ maxParticipants: 2 });
      await t.app.gqlOk("mutation($id: ID!) { joinWaitlist(sessionId: $id) { position } }", { id }, "lena");
      return id;
    },
  },
  { name: "scheduled, priced", build: () => scheduled({ price: 499 }) },
  {
    name: "live",
    build: async () => {
      const id = await scheduled({}, 1);
      await live(id);
      return id;
    },
  },
  {
    name: "live past its 6-hour limit",
    build: async () => {
      const id = await scheduled({}, 1);
      await live(id);
      t.app.clock.advance(8 * HOUR);
      return id;
    },
  },
  { name: "ended, recorded", build: async () => ended(await scheduled({}, 1)) },
  {
    name: "ended 8 days ago",
    build: async () => {
      const id = await ended(await scheduled({}, 1));
      t.app.clock.advance(8 * DAY);
      return id;
    },
  },
  {
    name: "cancelled",
    build: async () => {
      const id = await scheduled();
      await t.app.gqlOk("mutation($id: ID!) { cancelSession(id: $id) { id } }", { id }, "deepak");
      return id;
    },
  },
];

const VIEWERS: Who[] = [null, "deepak", "meera", "priya", "tom", "lena"];

/** Runs the action's mutation; true when it was accepted and changed something. */
async function tookEffect(action: Action, id: string, who: Who, before: Seen): Promise<boolean> {
  const run = (query: string, variables: Record<string, unknown> = {}) => t.app.gql(query, { id, ...variables }, who);
  const ok = (res: GraphQLResponse) => !res.errors?.length;
  switch (action) {
    case "enroll": {
      const priced = (await t.app.gqlOk<{ session: { price: number; currency: string } }>("query($id: ID!) { session(id: $id) { price currency } }", { id })).session;
      const payment = priced.price > 0 && who ? asGraphQLPayment(await payAs(t.app, who, { id, ...priced })) : undefined;
      const res = await run("mutation($id: ID!, $p: PaymentInput) { enroll(sessionId: $id, payment: $p) { session { enrolledCount } } }", { p: payment });
      // Enrolling again answers with the first enrollment: accepted, but nothing was done.
      return ok(res) && res.data!.enroll.session.enrolledCount > before.enrolledCount;
    }
    case "start": {
      const res = await run("mutation($id: ID!) { startSession(id: $id) { session { status } } }");
      return ok(res) && before.status !== "LIVE";
    }
    case "end": {
      const res = await run("mutation($id: ID!) { endSession(id: $id) { sessionId } }");
      return ok(res) && before.status !== "ENDED";
    }
    case "cancel":
      return ok(await run("mutation($id: ID!) { cancelSession(id: $id) { id } }"));
    case "join":
      return ok(await run("mutation($id: ID!) { joinToken(sessionId: $id) { token } }"));
    case "watchRecording":
      return ok(await run("query($id: ID!) { recordingUrl(sessionId: $id) { url } }"));
    case "rate":
      return ok(await run("mutation($id: ID!) { submitFeedback(sessionId: $id, input: { rating: 4 }) { id } }"));
    case "cancelEnrollment":
      return ok(await run("mutation($id: ID!) { cancelEnrollment(sessionId: $id) { session { id } } }"));
    case "joinWaitlist":
      // Joining again answers with the place held: accepted, but nothing was done.
      return ok(await run("mutation($id: ID!) { joinWaitlist(sessionId: $id) { position } }")) && before.viewerWaitlist === null;
    case "leaveWaitlist": {
      const res = await run("mutation($id: ID!) { leaveWaitlist(sessionId: $id) }");
      return ok(res) && res.data!.leaveWaitlist === true;
    }
  }
}

async function viewerCan(id: string, who: Who): Promise<Seen> {
  return (await t.app.gqlOk(VIEWER_CAN, { id }, who ?? null)).session!;
}

describe("viewerCan agrees with the mutations", () => {
  it.each(STATES)("$name", { timeout: 180_000 }, async (state) => {
    const disagreements: string[] = [];
    const table: string[] = [];
    for (const who of VIEWERS) {
      for (const action of ACTIONS) {
        const id = await state.build();
        const seen = await viewerCan(id, who);
        const ability = seen.viewerCan[action];
        const effect = await tookEffect(action, id, who, seen);
        table.push(`${who ?? "anonymous"} ${action}: ${ability.allowed ? "yes" : `no (${ability.code}) ${ability.reason}`}`);
        if (ability.allowed !== effect) disagreements.push(`${who ?? "anonymous"} ${action}: viewerCan says ${ability.allowed}, the mutation ${effect ? "took effect" : "did not"}`);
        // A refusal always says why, in a sentence; an allowance says nothing.
        expect(ability.allowed ? ability.reason : /^[A-Z].+\.$/.test(ability.reason ?? ""), `${who} ${action}: ${ability.reason}`).toBe(ability.allowed ? null : true);
      }
    }
    expect(disagreements, table.join("\n")).toEqual([]);
  });
});
