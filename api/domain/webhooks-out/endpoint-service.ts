/**
 * Registering webhook endpoints: experts for their own classes, admins for every class.
 * Each endpoint is its owner's alone (an admin sees only the endpoints they registered).
 */
import type { WebhookDeliveryAttemptRow, WebhookEndpointRow } from "../../db/schema.js";
import {
  countWebhookEndpointsOf,
  deleteWebhookEndpoint as deleteEndpointRow,
  findDelivery,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listAttemptsOf,
  listDeliveriesOf,
  listWebhookEndpointsOf,
  requeueDelivery,
  updateWebhookEndpoint as updateEndpointRow,
  type DeliveryWithEvent,
} from "../../repositories/webhooks-out.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { newId } from "../ids.js";
import { parseInput } from "../parse-input.js";
import { requireViewer } from "../sessions/session-rules.js";
import { mayRegisterWebhooks, webhooksHearEveryClass, type Viewer } from "../viewer.js";
import { checkDestination, checkUrlShape } from "./destination-rules.js";
import { createEndpointInput, deliveriesLimitInput, deliveryIdInput, endpointIdInput, updateEndpointInput } from "./endpoint-input.js";
import { newWebhookSecret } from "./signing.js";
import type { WebhooksOutSetup } from "./transport.js";

/** Enough for a few integrations each; a runaway script cannot fill the table. */
export const MAX_ENDPOINTS_PER_OWNER = 10;
/** The attempts shown per delivery in its log. */
const ATTEMPTS_SHOWN = 10;

export interface EndpointWithSecret {
  endpoint: WebhookEndpointRow;
  secret: string;
}

function requireOwnerRole(viewer: Viewer | null): Viewer {
  const v = requireViewer(viewer);
  if (!mayRegisterWebhooks(v)) throw new DomainError("FORBIDDEN", "Only experts (for their own classes) and admins can register webhook endpoints.");
  return v;
}

function setupOf(deps: ServiceDeps): WebhooksOutSetup {
  if (!deps.webhooksOut) throw new DomainError("FAILED_PRECONDITION", "Outbound webhooks are not set up on this server.");
  return deps.webhooksOut;
}

/** The URL's shape, then every address its name resolves to: refused with the reason. */
async function checkedUrl(setup: WebhooksOutSetup, raw: string): Promise<string> {
  const url = checkUrlShape(raw, { production: setup.production });
  const destination = await checkDestination(url, setup.transport, { production: setup.production });
  if (!destination.ok) {
    const message = `url refused: ${destination.reason}`;
    throw new DomainError("BAD_USER_INPUT", message, { fields: [{ path: "url", message }] });
  }
  return url.toString();
}

/** The endpoint, provided it is the viewer's: 404 otherwise (another's endpoint is not revealed). */
async function ownEndpoint(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown): Promise<WebhookEndpointRow> {
  const owner = requireOwnerRole(viewer);
  const id = parseInput(endpointIdInput, rawId);
  const endpoint = await findWebhookEndpoint(deps.db, id);
  if (!endpoint || endpoint.ownerId !== owner.id) throw new DomainError("NOT_FOUND", `You have no webhook endpoint ${id}.`);
  return endpoint;
}

export async function createWebhookEndpoint(deps: ServiceDeps, viewer: Viewer | null, raw: unknown): Promise<EndpointWithSecret> {
  const owner = requireOwnerRole(viewer);
  const input = parseInput(createEndpointInput, raw);
  const url = await checkedUrl(setupOf(deps), input.url);
  if ((await countWebhookEndpointsOf(deps.db, owner.id)) >= MAX_ENDPOINTS_PER_OWNER) {
    throw new DomainError("FAILED_PRECONDITION", `You have ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints already, the most allowed: delete one first.`);
  }
  const now = deps.clock.now();
  const secret = newWebhookSecret();
  const endpoint = await insertWebhookEndpoint(deps.db, {
    id: newId("whe"),
    ownerId: owner.id,
    allSessions: webhooksHearEveryClass(owner),
    url,
    events: input.events,
    secret,
    createdAt: now,
    updatedAt: now,
  });
  deps.logger.info({ endpointId: endpoint.id, ownerId: owner.id, events: input.events }, "webhook endpoint registered");
  return { endpoint, secret };
}

export async function myWebhookEndpoints(deps: ServiceDeps, viewer: Viewer | null): Promise<WebhookEndpointRow[]> {
  return listWebhookEndpointsOf(deps.db, requireOwnerRole(viewer).id);
}

export async function updateWebhookEndpoint(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown, raw: unknown): Promise<WebhookEndpointRow> {
  const endpoint = await ownEndpoint(deps, viewer, rawId);
  const input = parseInput(updateEndpointInput, raw);
  const url = input.url != null ? await checkedUrl(setupOf(deps), input.url) : undefined;
  const now = deps.clock.now();
  const enabling = input.enabled === true && !endpoint.enabled;
  const updated = await updateEndpointRow(deps.db, endpoint.id, {
    ...(url !== undefined ? { url } : {}),
    ...(input.events != null ? { events: input.events } : {}),
    ...(input.enabled != null ? { enabled: input.enabled } : {}),
    // A fresh start: the failures that disabled it are history.
    ...(enabling ? { failingSince: null, disabledAt: null, disabledReason: null } : {}),
    ...(input.enabled === false && endpoint.enabled ? { disabledAt: now, disabledReason: "Paused by its owner." } : {}),
    updatedAt: now,
  });
  if (!updated) throw new DomainError("NOT_FOUND", `You have no webhook endpoint ${endpoint.id}.`);
  return updated;
}

export async function deleteWebhookEndpoint(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown): Promise<boolean> {
  const endpoint = await ownEndpoint(deps, viewer, rawId);
  return deleteEndpointRow(deps.db, endpoint.id);
}

/** A new secret; the old one stops signing at once (the receiver must switch to the new one). */
export async function rotateWebhookSecret(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown): Promise<EndpointWithSecret> {
  const endpoint = await ownEndpoint(deps, viewer, rawId);
  const secret = newWebhookSecret();
  const updated = await updateEndpointRow(deps.db, endpoint.id, { secret, updatedAt: deps.clock.now() });
  if (!updated) throw new DomainError("NOT_FOUND", `You have no webhook endpoint ${endpoint.id}.`);
  return { endpoint: updated, secret };
}

export interface DeliveryLogEntry extends DeliveryWithEvent {
  attempts: WebhookDeliveryAttemptRow[];
}

/** The endpoint's latest deliveries, each with its last attempts. */
export async function webhookDeliveries(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown, rawLimit?: unknown): Promise<DeliveryLogEntry[]> {
  const limit = parseInput(deliveriesLimitInput, rawLimit ?? undefined);
  const endpoint = await ownEndpoint(deps, viewer, rawId);
  const deliveries = await listDeliveriesOf(deps.db, { endpointId: endpoint.id, limit });
  const attempts = await listAttemptsOf(deps.db, deliveries.map((d) => d.delivery.id));
  return deliveries.map((d) => ({ ...d, attempts: attempts.filter((a) => a.deliveryId === d.delivery.id).slice(0, ATTEMPTS_SHOWN) }));
}

/** Send a delivery again, with its id unchanged (so the receiver can tell it is the same event). */
export async function resendWebhookDelivery(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown): Promise<DeliveryLogEntry> {
  const owner = requireOwnerRole(viewer);
  const id = parseInput(deliveryIdInput, rawId);
  const delivery = await findDelivery(deps.db, id);
  const endpoint = delivery ? await findWebhookEndpoint(deps.db, delivery.endpointId) : undefined;
  if (!delivery || !endpoint || endpoint.ownerId !== owner.id) throw new DomainError("NOT_FOUND", `You have no webhook delivery ${id}.`);
  if (!endpoint.enabled) throw new DomainError("FAILED_PRECONDITION", "The endpoint is disabled: enable it first (updateWebhookEndpoint with enabled: true).");
  await requeueDelivery(deps.db, { id, at: deps.clock.now() });
  const [entry] = (await webhookDeliveries(deps, viewer, endpoint.id, 100)).filter((d) => d.delivery.id === id);
  return entry!;
}
