import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

/** The provider sends people back here with a code; a failed or tampered callback gets a friendly page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  try {
    return await context.auth.signIn(request);
  } catch (error) {
    if (error instanceof Error && error.name === "SignInError") return { message: error.message };
    throw error;
  }
}

export default function SignInFailed() {
  const { message } = useLoaderData<{ message: string }>();
  return (
    <section className="error-page">
      <h1>Sign-in did not work</h1>
      <p>{message}</p>
      <Link className="button" to="/auth/login" reloadDocument>
        Sign in again
      </Link>
    </section>
  );
}
