/** A Remix load context for route tests: the test app's real GraphQL, as a given caller. */
import { randomUUID } from "node:crypto";
import { getDemoUser, type DemoUserKey } from "../stand-ins/auth0/demo-users.js";
import { webRequestContext, type WebContext } from "../http/web-context.js";
import { createDevRoom, type DevRoom } from "../stand-ins/demo/dev-room.js";
import type { TestApp } from "./test-app.js";
import { createLocalPayments } from "../stand-ins/payments/index.js";

const devRooms = new WeakMap<TestApp, DevRoom>();

/** One per app, as the server has: pretend students are numbered across requests. */
function devRoomOf(app: TestApp): DevRoom | undefined {
  const emulator = app.composition.emulator;
  if (!emulator) return undefined;
  if (!devRooms.has(app)) devRooms.set(app, createDevRoom(emulator, app.composition.database.db));
  return devRooms.get(app);
}

export async function webContextAs(app: TestApp, who: DemoUserKey | null): Promise<WebContext> {
  const c = app.composition;
  const viewer = who
    ? await c.services.resolveViewer((({ sub, name, email, picture, roles }) => ({ subject: sub, name, email, picture, roles: [...roles] }))(getDemoUser(who)))
    : null;
  return {
    ...webRequestContext({ graphql: c.graphql, openScope: c.openScope }, viewer, randomUUID()),
    auth: c.webAuth,
    localStandIns: true,
    graphqlExplorer: true,
    devRoom: devRoomOf(app),
    localPayments: c.paymentStandIns ? createLocalPayments(c.paymentStandIns) : undefined,
  };
}

/** What a loader or action threw or returned, as a Response when it is one. */
export async function outcome<T>(run: () => Promise<T>): Promise<{ value?: T; response?: Response }> {
  try {
    const value = await run();
    return value instanceof Response ? { response: value } : { value };
  } catch (thrown) {
    if (thrown instanceof Response) return { response: thrown };
    throw thrown;
  }
}
