import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { graphql } from "../graphql/__generated__";

/**
 * "Sign out everywhere": ends every web session of the signed-in user (other browsers, a
 * forgotten laptop), then signs this browser out as the plain sign-out does.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (context.viewer) await context.gql(SIGN_OUT_EVERYWHERE, {});
  return context.auth.signOut(request);
}

export const loader = () => redirect("/app/live");

const SIGN_OUT_EVERYWHERE = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere {
      endedSessions
    }
  }
`);
