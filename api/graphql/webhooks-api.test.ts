/**
 * Outbound webhooks through the GraphQL API over real HTTP: an expert registers a receiver,
 * changes a class, and the receiver gets the event signed with the secret the API showed once;
 * the delivery log, resend, rotation, update and removal; who may, and bad input.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSessionId, expectGqlError } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { startWebhookReceiver, verifyDelivery, type WebhookReceiver } from "../test-support/webhook-receiver.js";
import { sweepWebhookDeliveries } from "../domain/webhooks-out/delivery-worker.js";

const CREATE = "mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id url events secret endpoint { id enabled allSessions failingSince disabledAt disabledReason createdAt updatedAt } } }";
const LIST = "{ webhookEndpoints { id url events enabled allSessions } }";
const DELIVERIES = "query($id: ID!) { webhookDeliveries(endpointId: $id) { id eventType sessionId occurredAt status attemptCount nextAttemptAt lastStatusCode lastError deliveredAt attempts { attemptedAt statusCode latencyMs error } } }";
const UPDATE = "mutation($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { id url events enabled disabledReason } }";
const ROTATE = "mutation($id: ID!) { rotateWebhookSecret(id: $id) { id secret } }";
const RESEND = "mutation($id: ID!) { resendWebhookDelivery(id: $id) { id status attemptCount } }";
const DELETE = "mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }";

describe("webhook endpoints through GraphQL", () => {
  const t = useTestApp();
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(() => receiver.clear());
  const sweep = () => sweepWebhookDeliveries(t.app.composition.deps);

  it("register, receive a signed session.created, read the log, resend, rotate, pause and delete", async () => {
    const created = (await t.app.gqlOk(CREATE, { input: { url: receiver.url, events: ["session.created", "session.cancelled"] } }, "deepak")).createWebhookEndpoint;
    expect(created).toMatchObject({ url: receiver.url, events: ["session.created", "session.cancelled"], secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/=]{32}$/), endpoint: { id: created.id, enabled: true, allSessions: false, failingSince: null } });
    expect((await t.app.gqlOk(LIST, {}, "deepak")).webhookEndpoints).toEqual([{ id: created.id, url: receiver.url, events: ["session.created", "session.cancelled"], enabled: true, allSessions: false }]);
    expect(JSON.stringify((await t.app.gqlOk(LIST, {}, "deepak")).webhookEndpoints)).not.toContain("whsec_");

    const sessionId = await createSessionId(t.app);
    expect(await sweep()).toMatchObject({ delivered: 1 });
    const [delivery] = receiver.received;
    expect(verifyDelivery(created.secret, delivery!)).toMatchObject({ type: "session.created", data: { session: { id: sessionId } } });

    const [logged] = (await t.app.gqlOk(DELIVERIES, { id: created.id }, "deepak")).webhookDeliveries;
    expect(logged).toMatchObject({ id: delivery!.headers["webhook-id"], eventType: "session.created", sessionId, status: "DELIVERED", attemptCount: 1, nextAttemptAt: null, lastStatusCode: 200, lastError: null, attempts: [{ statusCode: 200, error: null }] });

    expect((await t.app.gqlOk(RESEND, { id: logged.id }, "deepak")).resendWebhookDelivery).toMatchObject({ id: logged.id, status: "PENDING" });
    await sweep();
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([logged.id, logged.id]);

    const rotated = (await t.app.gqlOk(ROTATE, { id: created.id }, "deepak")).rotateWebhookSecret;
    expect(rotated.secret).not.toBe(created.secret);
    await t.app.gqlOk(RESEND, { id: logged.id }, "deepak");
    await sweep();
    expect(() => verifyDelivery(rotated.secret, receiver.received[2]!)).not.toThrow();
    expect(() => verifyDelivery(created.secret, receiver.received[2]!)).toThrow();

    expect((await t.app.gqlOk(UPDATE, { id: created.id, input: { enabled: false } }, "deepak")).updateWebhookEndpoint).toMatchObject({ enabled: false, disabledReason: "Paused by its owner." });
    await createSessionId(t.app);
    await sweep();
    expect(receiver.received).toHaveLength(3);

    expect((await t.app.gqlOk(DELETE, { id: created.id }, "deepak")).deleteWebhookEndpoint).toBe(true);
    expect((await t.app.gqlOk(LIST, {}, "deepak")).webhookEndpoints).toEqual([]);
  });

  it("refusals a person can act on: students, bad URLs and events, another owner's endpoint", async () => {
    expectGqlError(await t.app.gql(CREATE, { input: { url: receiver.url, events: ["session.created"] } }, "priya"), "FORBIDDEN", /Only experts .* and admins/);
    expectGqlError(await t.app.gql(CREATE, { input: { url: receiver.url, events: ["session.created"] } }), "UNAUTHENTICATED", /sign in|signed in|credentials/i);
    const privateUrl = expectGqlError(await t.app.gql(CREATE, { input: { url: "http://192.168.10.1/hooks", events: ["session.created"] } }, "deepak"), "BAD_USER_INPUT", /192\.168\.10\.1 is a private address/);
    expect(privateUrl.extensions?.fields).toEqual([{ path: "url", message: expect.stringMatching(/private address/) }]);
    expectGqlError(await t.app.gql(CREATE, { input: { url: receiver.url, events: ["class.started"] } }, "deepak"), "BAD_USER_INPUT", /"class.started" is not an event type; use one of: session.created/);
    const { id } = (await t.app.gqlOk(CREATE, { input: { url: receiver.url, events: ["session.created"] } }, "deepak")).createWebhookEndpoint;
    expectGqlError(await t.app.gql(DELETE, { id }, "meera"), "NOT_FOUND", /no webhook endpoint/);
    expectGqlError(await t.app.gql(DELIVERIES, { id }, "admin"), "NOT_FOUND", /no webhook endpoint/);
    expectGqlError(await t.app.gql(UPDATE, { id, input: {} }, "deepak"), "BAD_USER_INPUT", /at least one of url, events or enabled/);
    expectGqlError(await t.app.gql(DELETE, { id: "nope" }, "deepak"), "BAD_USER_INPUT", /whe_/);
    expect((await t.app.gqlOk(LIST, {}, "deepak")).webhookEndpoints).toHaveLength(1);
  });
});
