import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useNavigation } from "@remix-run/react";
import { createInputFrom, SessionForm } from "../components/session-form";
import { graphql } from "../graphql/__generated__";
import { fieldErrors, pageFor, signInUrl } from "../lib/graphql-errors.server";

export const meta: MetaFunction = () => [{ title: "New session — Live Sessions" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!context.viewer) throw redirect(signInUrl(request));
  if (!context.viewer.isExpert) throw new Response("Only experts can create live sessions.", { status: 403 });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const { createSession } = await context.gql(CREATE, { input: createInputFrom(form) });
    return redirect(`/app/live/${createSession.id}`);
  } catch (error) {
    const problem = pageFor(error, request);
    return { error: problem.message, fields: fieldErrors(problem) };
  }
}

export default function NewSession() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <h1>New live session</h1>
      <SessionForm result={result} busy={busy} />
    </>
  );
}

const CREATE = graphql(`
  mutation CreateFromPage($input: CreateSessionInput!) {
    createSession(input: $input) {
      id
    }
  }
`);
