import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LocalTime } from "../components/local-time";
import { EndpointForm, endpointInputOf, SecretOnce, type EndpointFormResult } from "../components/webhook-endpoint-form";
import { graphql } from "../graphql/__generated__";
import { fieldErrors, load, pageFor, signInUrl } from "../lib/graphql-errors.server";

export const meta: MetaFunction = () => [{ title: "Webhook endpoints — Live Sessions" }];

/** Experts (their own classes) and admins (every class); the API refuses anyone else (403). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!context.viewer) throw redirect(signInUrl(request));
  const data = await load(request, () => context.gql(WEBHOOK_ENDPOINTS, {}));
  const deleted = new URL(request.url).searchParams.get("deleted");
  return { endpoints: data.webhookEndpoints, deleted, isExpert: context.viewer.isExpert, everyClass: context.viewer.webhooksHearEveryClass };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!context.viewer) throw redirect(signInUrl(request));
  const input = endpointInputOf(await request.formData());
  try {
    const { createWebhookEndpoint: created } = await context.gql(CREATE_ENDPOINT, { input });
    return { ok: true as const, created: { id: created.id, url: created.url, secret: created.secret } };
  } catch (error) {
    const problem = pageFor(error, request);
    return { ok: false as const, error: problem.message, fields: fieldErrors(problem), sent: input } satisfies EndpointFormResult;
  }
}

export default function WebhookEndpoints() {
  const { endpoints, deleted, isExpert, everyClass } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>Webhook endpoints</h1>
      <p>
        {/* An admin's endpoints hear every class, and an admin who is not an expert has no dashboard. */}
        Your server hears of {everyClass ? "every class" : "your classes"} as they change: each event is sent as a signed POST (Standard Webhooks), retried
        for 24 hours when your server does not answer. {isExpert && <Link to="/app/live/dashboard">Back to your sessions</Link>}
      </p>
      {deleted && (
        <p role="status" className="notice">
          Endpoint {deleted} deleted.
        </p>
      )}
      {result?.ok && <SecretOnce secret={result.created.secret} url={result.created.url} rotated={false} />}
      {result?.ok && (
        <p>
          <Link to={`/app/live/webhooks/${result.created.id}`}>See the endpoint and its deliveries</Link>
        </p>
      )}

      <h2>Your endpoints</h2>
      {endpoints.length === 0 ? (
        <p>You have no endpoints yet. Add one below.</p>
      ) : (
        <ul className="endpoint-list">
          {endpoints.map((e) => (
            <li key={e.id} className="panel">
              <p>
                <Link to={`/app/live/webhooks/${e.id}`} className="endpoint-url">
                  {e.url}
                </Link>{" "}
                <span className={`badge ${e.enabled ? "good" : "off"}`}>{e.enabled ? "Enabled" : "Disabled"}</span>
              </p>
              {!e.enabled && e.disabledReason && <p className="hint">{e.disabledReason}</p>}
              {e.enabled && e.failingSince && (
                <p className="hint">
                  Deliveries failing since <LocalTime iso={e.failingSince} />: it will be disabled after 3 days of failures.
                </p>
              )}
              <p className="hint">Events: {e.events.join(", ")}</p>
            </li>
          ))}
        </ul>
      )}

      <h2 id="new-endpoint">Add an endpoint</h2>
      <EndpointForm key={result?.ok ? result.created.id : "new"} intent="create" submitLabel="Add endpoint" busy={busy} result={result && !result.ok ? result : undefined} />
    </>
  );
}

const WEBHOOK_ENDPOINTS = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      id
      url
      events
      enabled
      failingSince
      disabledAt
      disabledReason
    }
  }
`);

const CREATE_ENDPOINT = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      id
      url
      secret
    }
  }
`);
