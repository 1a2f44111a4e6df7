/**
 * The GraphQL enums' internal values are derived from the domain's lists: each enum in
 * schema.graphql has exactly the names enum-values.ts gives it, and they map onto exactly
 * the domain's spellings, so adding a value in one place and not the other fails here.
 */
import { readFileSync } from "node:fs";
import { buildSchema, GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { REFUSAL_CODES } from "../domain/sessions/session-permissions.js";
import { PAYMENT_GATEWAYS, REFUND_CAUSES, REFUND_STATUSES, SESSION_ORDERS, SESSION_STATUSES, SESSION_TYPES, VIDEO_ROLES } from "../domain/sessions/session-values.js";
import { WEBHOOK_DELIVERY_STATUSES } from "../domain/webhooks-out/event-types.js";
import { PaymentGateway, RefundCause, RefundStatus, RefusalCode, SessionOrder, SessionStatus, SessionType, VideoRole, WebhookDeliveryStatus } from "./enum-values.js";
import { createResolvers } from "./resolvers/index.js";
import { SCHEMA_PATH } from "./server.js";

const schema = buildSchema(readFileSync(SCHEMA_PATH, "utf8"));

const ENUMS: [string, Record<string, string>, readonly string[]][] = [
  ["SessionStatus", SessionStatus, SESSION_STATUSES],
  ["SessionType", SessionType, SESSION_TYPES],
  ["VideoRole", VideoRole, VIDEO_ROLES],
  ["PaymentGateway", PaymentGateway, PAYMENT_GATEWAYS],
  ["RefusalCode", RefusalCode, REFUSAL_CODES],
  ["RefundStatus", RefundStatus, REFUND_STATUSES],
  ["RefundCause", RefundCause, REFUND_CAUSES],
  ["WebhookDeliveryStatus", WebhookDeliveryStatus, WEBHOOK_DELIVERY_STATUSES],
  ["SessionOrder", SessionOrder, SESSION_ORDERS],
];

describe("GraphQL enum values", () => {
  it.each(ENUMS)("%s: the schema's names, the domain's values, given to Apollo", (name, values, domain) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    expect(Object.keys(values).sort()).toEqual((type as GraphQLEnumType).getValues().map((v) => v.name).sort());
    expect(Object.values(values).sort()).toEqual([...domain].sort());
    expect((createResolvers("http://app.test") as Record<string, unknown>)[name]).toEqual(values);
  });

  it("every enum of the schema is listed here", () => {
    const inSchema = Object.values(schema.getTypeMap()).filter((t) => t instanceof GraphQLEnumType && !t.name.startsWith("__")).map((t) => t.name);
    expect(inSchema.sort()).toEqual(ENUMS.map(([n]) => n).sort());
  });

  it("spells 1-on-1 as ONE_ON_ONE", () => {
    expect(SessionType.ONE_ON_ONE).toBe("1-on-1");
  });
});
