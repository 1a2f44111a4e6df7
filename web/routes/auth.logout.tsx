import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

export const action = ({ request, context }: ActionFunctionArgs) => context.auth.signOut(request);
export const loader = () => redirect("/app/live");
