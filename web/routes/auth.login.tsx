import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

/** Starts the sign-in: a redirect to Auth0 (or the local demo provider). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const returnTo = new URL(request.url).searchParams.get("returnTo") ?? undefined;
  try {
    return await context.auth.signIn(request, returnTo);
  } catch (error) {
    if (error instanceof Error && error.name === "SignInError") return { message: error.message };
    throw error;
  }
}

export default function SignInUnavailable() {
  const { message } = useLoaderData<{ message: string }>();
  return (
    <section className="error-page">
      <h1>Sign-in is unavailable</h1>
      <p>{message}</p>
      <Link className="button" to="/auth/login" reloadDocument>
        Try again
      </Link>
    </section>
  );
}
