import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "../../api/domain/webhooks-out/event-types";
import { WEBHOOK_EVENTS } from "./webhook-events";

describe("the endpoint page's event choices", () => {
  it("are the API's event types, in its order", () => {
    expect(WEBHOOK_EVENTS.map((e) => e.type)).toEqual([...WEBHOOK_EVENT_TYPES]);
  });
});
