/** Input of the webhook endpoint operations, shared by every face. */
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./event-types.js";

const events = z
  .array(z.string(), { error: "events must be a list of event types" })
  .min(1, { error: "events must name at least one event type" })
  .max(WEBHOOK_EVENT_TYPES.length, { error: "events lists an event type twice" })
  .superRefine((list, ctx) => {
    list.forEach((type, i) => {
      if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) {
        ctx.addIssue({ code: "custom", path: [i], message: `"${type}" is not an event type; use one of: ${WEBHOOK_EVENT_TYPES.join(", ")}` });
      } else if (list.indexOf(type) !== i) {
        ctx.addIssue({ code: "custom", path: [i], message: `"${type}" is listed twice` });
      }
    });
  });

const url = z.string({ error: "url must be text" }).trim().min(1, { error: "url is required" });

export const createEndpointInput = z.object({ url, events });
export const updateEndpointInput = z
  .object({
    url: url.optional().nullable(),
    events: events.optional().nullable(),
    /** true enables a disabled endpoint again (its failure history is cleared); false pauses it. */
    enabled: z.boolean({ error: "enabled must be true or false" }).optional().nullable(),
  })
  .refine((v) => v.url != null || v.events != null || v.enabled != null, { error: "give at least one of url, events or enabled to change" });
export const endpointIdInput = z.string({ error: "id must be text" }).trim().regex(/^whe_[a-z0-9]{1,40}$/, { error: "id must be a webhook endpoint id (whe_…)" });
export const deliveryIdInput = z.string({ error: "id must be text" }).trim().regex(/^msg_[a-f0-9]{1,40}$/, { error: "id must be a webhook delivery id (msg_…)" });
export const deliveriesLimitInput = z.number().int().min(1, { error: "limit must be between 1 and 100" }).max(100, { error: "limit must be between 1 and 100" }).default(20);
