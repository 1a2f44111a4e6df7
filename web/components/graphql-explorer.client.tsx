/**
 * GraphiQL over this app's own /graphql, bundled from npm (no CDN). It runs in the browser only
 * (the `.client` suffix keeps it out of the server build) and calls the API as the signed-in
 * person: the browser sends the session cookie from our own origin, as the pages do.
 */
import type { ComponentProps } from "react";
import { GraphiQL } from "graphiql";

const fetcher: ComponentProps<typeof GraphiQL>["fetcher"] = async (params) => {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(params),
  });
  return response.json();
};

const FIRST_QUERY = `# Development only: this explorer is not served in production.
# Operations run as you (your sign-in); schema.graphql is the contract.
query UpcomingClasses($limit: Int = 5) {
  sessions(status: SCHEDULED, limit: $limit) {
    total
    items { id title scheduledStartTime expertName seatsLeft }
  }
}
`;

export default function GraphQLExplorer() {
  return <GraphiQL fetcher={fetcher} defaultQuery={FIRST_QUERY} shouldPersistHeaders={false} />;
}
