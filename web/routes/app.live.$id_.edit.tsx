import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SessionForm, updateInputFrom } from "../components/session-form";
import { graphql } from "../graphql/__generated__";
import { fieldErrors, load, pageFor } from "../lib/graphql-errors.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Change ${data.session.title} — Live Sessions` : "Change a session — Live Sessions" }];

/** The form for the session's expert (or an admin) while it is scheduled; anyone else is told why not. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const data = await load(request, () => context.gql(EDIT_PAGE, { id: params.id! }));
  if (!data.session) throw new Response("There is no session at this address. It may have been removed.", { status: 404 });
  const can = data.session.viewerCan.edit;
  if (!can.allowed) {
    if (can.code === "UNAUTHENTICATED") throw redirect(`/auth/login?returnTo=${encodeURIComponent(new URL(request.url).pathname)}`);
    throw new Response(can.reason ?? "This session cannot be changed.", { status: can.code === "FORBIDDEN" ? 403 : 409 });
  }
  return { session: data.session };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    await context.gql(UPDATE, { id: params.id!, input: updateInputFrom(form) });
    return redirect(`/app/live/${params.id}?changed=1`);
  } catch (error) {
    const problem = pageFor(error, request);
    return { error: problem.message, fields: fieldErrors(problem) };
  }
}

export default function EditSession() {
  const { session } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <p>
        <Link to={`/app/live/${session.id}`}>← Back to the session</Link>
      </p>
      <h1>Change {session.title}</h1>
      {session.enrolledCount > 0 && (
        <p className="notice" data-testid="enrolled-notice">
          {session.enrolledCount} student{session.enrolledCount === 1 ? " is" : "s are"} enrolled: they keep their seats, and a new time is emailed to them with
          a calendar update.
        </p>
      )}
      <SessionForm result={result} busy={busy} initial={{ ...session, description: session.description ?? "" }} />
    </>
  );
}

const EDIT_PAGE = graphql(`
  query EditSessionPage($id: ID!) {
    session(id: $id) {
      id
      title
      description
      sessionType
      scheduledStartTime
      scheduledEndTime
      maxParticipants
      price
      currency
      thumbnail
      enrolledCount
      metadata {
        category
        difficulty
        equipment
        tags
      }
      viewerCan {
        edit {
          allowed
          code
          reason
        }
      }
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateFromPage($id: ID!, $input: UpdateSessionInput!) {
    updateSession(sessionId: $id, input: $input) {
      id
    }
  }
`);
