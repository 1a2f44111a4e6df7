import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LocalTime } from "../components/local-time";
import { EndpointForm, endpointInputOf, SecretOnce, type EndpointFormResult } from "../components/webhook-endpoint-form";
import { graphql } from "../graphql/__generated__";
import type { WebhookDeliveryStatus } from "../graphql/__generated__/graphql";
import { fieldErrors, load, pageFor, signInUrl } from "../lib/graphql-errors.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Webhook endpoint ${data?.endpoint.url ?? ""} — Live Sessions` }];

/** The latest deliveries shown (the API keeps more). */
const DELIVERIES_SHOWN = 25;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!context.viewer) throw redirect(signInUrl(request));
  // Another owner's endpoint is not found, as the API answers it.
  const data = await load(request, () => context.gql(WEBHOOK_ENDPOINT, { id: params.id!, limit: DELIVERIES_SHOWN }));
  const endpoint = data.webhookEndpoints.find((e) => e.id === params.id);
  if (!endpoint) throw new Response("You have no webhook endpoint at this address.", { status: 404 });
  return { endpoint, deliveries: data.webhookDeliveries };
}

type Outcome =
  | { intent: "rotate"; ok: true; secret: string }
  | { intent: "update"; ok: true; saved: { url: string; events: string[] } }
  | { intent: "enable" | "pause"; ok: true }
  | { intent: "resend"; ok: true; deliveryId: string }
  | ({ intent: "update" } & EndpointFormResult)
  | { intent: "other"; ok: false; error: string };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Outcome | Response> {
  if (!context.viewer) throw redirect(signInUrl(request));
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const id = params.id!;
  const input = endpointInputOf(form);
  try {
    switch (intent) {
      case "update":
        await context.gql(UPDATE_ENDPOINT, { endpointId: id, input });
        return { intent, ok: true, saved: input };
      case "enable":
      case "pause":
        await context.gql(UPDATE_ENDPOINT, { endpointId: id, input: { enabled: intent === "enable" } });
        return { intent, ok: true };
      case "rotate": {
        const { rotateWebhookSecret } = await context.gql(ROTATE_SECRET, { endpointId: id });
        return { intent, ok: true, secret: rotateWebhookSecret.secret };
      }
      case "delete": {
        const { webhookEndpoints } = await context.gql(WEBHOOK_URLS, {});
        const url = webhookEndpoints.find((e) => e.id === id)?.url ?? id;
        await context.gql(DELETE_ENDPOINT, { endpointId: id });
        return redirect(`/app/live/webhooks?${new URLSearchParams({ deleted: url })}`);
      }
      case "resend": {
        const deliveryId = String(form.get("deliveryId") ?? "");
        await context.gql(RESEND_DELIVERY, { deliveryId });
        return { intent, ok: true, deliveryId };
      }
      default:
        return { intent: "other", ok: false, error: "That button is not known here: reload the page and try again." };
    }
  } catch (error) {
    const problem = pageFor(error, request);
    if (intent === "update") return { intent, ok: false, error: problem.message, fields: fieldErrors(problem), sent: input };
    return { intent: "other", ok: false, error: problem.message };
  }
}

const STATUS_WORDS: Record<WebhookDeliveryStatus, string> = { PENDING: "Retrying", DELIVERED: "Delivered", FAILED: "Failed" };
const STATUS_BADGE: Record<WebhookDeliveryStatus, string> = { PENDING: "scheduled", DELIVERED: "good", FAILED: "live" };

export default function WebhookEndpoint() {
  const { endpoint, deliveries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const busyWith = busy ? navigation.formData?.get("intent") : null;
  return (
    <>
      <p>
        <Link to="/app/live/webhooks">All your endpoints</Link>
      </p>
      <h1 className="endpoint-url">{endpoint.url}</h1>
      <p className="meta">
        <span className={`badge ${endpoint.enabled ? "good" : "off"}`}>{endpoint.enabled ? "Enabled" : "Disabled"}</span>
        <span>
          Added <LocalTime iso={endpoint.createdAt} />
        </span>
        {endpoint.allSessions && <span>Hears every class (admin)</span>}
      </p>
      {result && !result.ok && result.intent === "other" && (
        <p className="error" role="alert">
          {result.error}
        </p>
      )}
      {result?.ok && result.intent === "rotate" && <SecretOnce secret={result.secret} url={endpoint.url} rotated />}
      {result?.ok && result.intent === "update" && (
        <p role="status" className="notice">
          Saved.
        </p>
      )}

      {!endpoint.enabled ? (
        <section className="panel" aria-labelledby="disabled-heading">
          <h2 id="disabled-heading">Not sending</h2>
          <p>{endpoint.disabledReason ?? "This endpoint is paused."}</p>
          {endpoint.disabledAt && (
            <p className="hint">
              Since <LocalTime iso={endpoint.disabledAt} />.
            </p>
          )}
          <Form method="post">
            <button className="primary" name="intent" value="enable" disabled={busy}>
              {busyWith === "enable" ? "Enabling…" : "Enable again"}
            </button>
          </Form>
          <p className="hint">Enabling forgets the failures: new events are sent from now on. Events from while it was disabled are not sent again.</p>
        </section>
      ) : (
        endpoint.failingSince && (
          <p className="notice">
            Every delivery has failed since <LocalTime iso={endpoint.failingSince} />. After 3 days of failures the endpoint is disabled and you are told by email.
          </p>
        )
      )}

      <h2>Deliveries</h2>
      {deliveries.length === 0 ? (
        <p>Nothing sent yet. Events you chose are sent here as they happen.</p>
      ) : (
        <div className="dashboard">
          <table>
            <thead>
              <tr>
                <th scope="col">Last attempt</th>
                <th scope="col">Event</th>
                <th scope="col">Result</th>
                <th scope="col">Status code</th>
                <th scope="col">Latency</th>
                <th scope="col">Attempts</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => {
                const last = d.attempts[0];
                return (
                  <tr key={d.id}>
                    <td data-label="Last attempt">{last ? <LocalTime iso={last.attemptedAt} /> : "not yet"}</td>
                    <td data-label="Event">
                      <code>{d.eventType}</code>
                    </td>
                    <td data-label="Result">
                      <span className={`badge ${STATUS_BADGE[d.status]}`}>{STATUS_WORDS[d.status]}</span>
                      {d.status !== "DELIVERED" && (last?.error ?? d.lastError) && <span className="hint"> {last?.error ?? d.lastError}</span>}
                    </td>
                    <td data-label="Status code">{last?.statusCode ?? "—"}</td>
                    <td data-label="Latency">{last ? `${last.latencyMs} ms` : "—"}</td>
                    <td data-label="Attempts">{d.attemptCount}</td>
                    <td className="actions-cell">
                      <Form method="post">
                        <input type="hidden" name="deliveryId" value={d.id} />
                        <button className="secondary small" name="intent" value="resend" disabled={busy || !endpoint.enabled} aria-label={`Resend ${d.eventType} (${d.id})`}>
                          {result?.ok && result.intent === "resend" && result.deliveryId === d.id ? "Resent" : "Resend"}
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h2>Change the address or events</h2>
      {/* After a save the form shows what was saved: the action's answer reaches the page before
          the reloaded endpoint does, and the old one would flash its old events back meanwhile. */}
      <EndpointForm
        intent="update"
        submitLabel="Save changes"
        busy={busyWith === "update"}
        result={result && !result.ok && result.intent === "update" ? result : undefined}
        initial={result?.ok && result.intent === "update" ? result.saved : { url: endpoint.url, events: endpoint.events }}
      />

      <h2>Signing secret</h2>
      <Form method="post" className="panel">
        <p>A new secret replaces the old one at once: update your receiver with it straight away.</p>
        <button className="secondary" name="intent" value="rotate" disabled={busy}>
          {busyWith === "rotate" ? "Rotating…" : "Rotate secret"}
        </button>
      </Form>

      {endpoint.enabled && (
        <>
          <h2>Pause</h2>
          <Form method="post" className="panel">
            <p>A paused endpoint receives nothing until you enable it again.</p>
            <button className="secondary" name="intent" value="pause" disabled={busy}>
              Pause endpoint
            </button>
          </Form>
        </>
      )}

      <h2>Delete</h2>
      <details className="panel">
        <summary>Delete this endpoint…</summary>
        <Form method="post">
          <p>
            Delete <code>{endpoint.url}</code> and its delivery log? Nothing more is sent to it. This cannot be undone.
          </p>
          <button className="danger" name="intent" value="delete" disabled={busy}>
            Delete for good
          </button>
        </Form>
      </details>
    </>
  );
}

const WEBHOOK_ENDPOINT = graphql(`
  query WebhookEndpoint($id: ID!, $limit: Int) {
    webhookEndpoints {
      id
      url
      events
      enabled
      allSessions
      failingSince
      disabledAt
      disabledReason
      createdAt
    }
    webhookDeliveries(endpointId: $id, limit: $limit) {
      id
      eventType
      status
      attemptCount
      lastError
      attempts {
        attemptedAt
        statusCode
        latencyMs
        error
      }
    }
  }
`);

const WEBHOOK_URLS = graphql(`
  query WebhookEndpointUrls {
    webhookEndpoints {
      id
      url
    }
  }
`);

const UPDATE_ENDPOINT = graphql(`
  mutation UpdateWebhookEndpoint($endpointId: ID!, $input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(endpointId: $endpointId, input: $input) {
      id
    }
  }
`);

const ROTATE_SECRET = graphql(`
  mutation RotateWebhookSecret($endpointId: ID!) {
    rotateWebhookSecret(endpointId: $endpointId) {
      id
      secret
    }
  }
`);

const DELETE_ENDPOINT = graphql(`
  mutation DeleteWebhookEndpoint($endpointId: ID!) {
    deleteWebhookEndpoint(endpointId: $endpointId)
  }
`);

const RESEND_DELIVERY = graphql(`
  mutation ResendWebhookDelivery($deliveryId: ID!) {
    resendWebhookDelivery(deliveryId: $deliveryId) {
      id
    }
  }
`);
