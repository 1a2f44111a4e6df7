/**
 * /graphiql: a GraphQL explorer for developers and integrators trying the API on a local or
 * staging copy. Not served in production (404): there the schema is read from schema.graphql,
 * introspection is off, and a page that runs any operation as the signed-in person is not one a
 * member of the public needs.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { lazy } from "react";
import graphiqlStyles from "graphiql/graphiql.css?url";
import { ClientOnly } from "../components/client-only";

const GraphQLExplorer = lazy(() => import("../components/graphql-explorer.client"));

export const links: LinksFunction = () => [{ rel: "stylesheet", href: graphiqlStyles }];

export const meta: MetaFunction = () => [{ title: "GraphQL explorer — Live Sessions" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.graphqlExplorer) throw new Response("Not Found", { status: 404 });
  return null;
}

export default function GraphQLExplorerPage() {
  return (
    <section className="graphql-explorer" aria-labelledby="explorer-title">
      <h1 id="explorer-title">GraphQL explorer</h1>
      <p>
        Try the API against this copy of Live Sessions. Operations run as you; sign in first to act as an expert or a student. The
        explorer is for development only and is not served in production.
      </p>
      <div className="graphql-explorer-frame">
        <ClientOnly fallback={<p role="status">Loading the explorer…</p>}>{() => <GraphQLExplorer />}</ClientOnly>
      </div>
    </section>
  );
}
