import type { ActionFunctionArgs } from "@remix-run/node";
import { graphql } from "../graphql/__generated__";
import { isGraphQLError } from "../lib/graphql-errors.server";

/**
 * The room pages fetch their 100ms token here, just before joining, instead of baking
 * it into the page's HTML.
 */
export async function action({ params, context }: ActionFunctionArgs) {
  try {
    const { joinToken } = await context.gql(JOIN_TOKEN, { sessionId: params.id! });
    // Only when the app runs on the local 100ms stand-ins; with real 100ms the SDK keeps its own default.
    const initEndpoint = context.videoInitEndpoint;
    return Response.json(
      { token: joinToken.token, role: joinToken.role, userName: joinToken.userName, ...(initEndpoint ? { initEndpoint } : {}) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (!isGraphQLError(error)) throw error;
    // The API's one error table decides the status (a 100ms outage is 503, not the page's guess).
    const retryAfter = error.errors[0]?.retryAfter;
    return Response.json(
      { error: error.message, code: error.code },
      { status: error.status, headers: retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) } },
    );
  }
}

const JOIN_TOKEN = graphql(`
  mutation RoomJoinToken($sessionId: ID!) {
    joinToken(sessionId: $sessionId) {
      token
      role
      userName
    }
  }
`);
