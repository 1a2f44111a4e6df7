/**
 * `POST /app/live/time-zone` (timeZone=Europe/Berlin): the browser's zone, sent once by the
 * page after sign-in (root.tsx); the API keeps it only while the user has none.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { graphql } from "../graphql/__generated__";
import { isGraphQLError } from "../lib/graphql-errors.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const { noteBrowserTimeZone } = await context.gql(NOTE_ZONE, { timeZone: String(form.get("timeZone") ?? "") });
    return Response.json({ timeZone: noteBrowserTimeZone.timeZone });
  } catch (error) {
    if (!isGraphQLError(error)) throw error;
    return Response.json({ error: error.message }, { status: error.status });
  }
}

const NOTE_ZONE = graphql(`
  mutation NoteBrowserTimeZone($timeZone: String!) {
    noteBrowserTimeZone(timeZone: $timeZone) {
      timeZone
    }
  }
`);
