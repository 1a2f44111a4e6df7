import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import styles from "./styles/app.css?url";
import "./lib/context";
import { useNonce } from "./lib/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Ccircle cx=%228%22 cy=%228%22 r=%228%22 fill=%22%236d28d9%22/%3E%3C/svg%3E" },
];
export const meta: MetaFunction = () => [{ title: "Live Sessions — live yoga classes" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const v = context.viewer;
  return {
    viewer: v ? { name: v.name, avatarUrl: v.avatarUrl, isExpert: v.isExpert } : null,
    localStandIns: context.localStandIns,
  };
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const viewer = data?.viewer;
  return (
    <header className="site-header">
      <Link to="/app/live" className="brand">
        Live Sessions
      </Link>
      <nav aria-label="Main">
        <NavLink to="/app/live" end>
          Browse
        </NavLink>
        {viewer && <NavLink to="/app/live/enrollments">My classes</NavLink>}
        {viewer?.isExpert && <NavLink to="/app/live/dashboard">Dashboard</NavLink>}
        {viewer?.isExpert && <NavLink to="/app/live/new">New session</NavLink>}
      </nav>
      <div className="account">
        {viewer ? (
          <Form method="post" action="/auth/logout">
            <span className="who">
              {viewer.avatarUrl && <img src={viewer.avatarUrl} alt="" width={28} height={28} />}
              {viewer.name}
            </span>
            <button type="submit" className="link-button">
              Sign out
            </button>
            <button type="submit" className="link-button" formAction="/auth/sign-out-everywhere" title="Also signs you out in every other browser and device">
              Sign out everywhere
            </button>
          </Form>
        ) : (
          <Link to="/auth/login" className="button small">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Header />
        <main>{children}</main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 503) {
    // Nothing is broken and nothing is lost: the service is briefly away (its database, usually).
    return (
      <section className="error-page">
        <h1>Live Sessions is briefly unavailable</h1>
        <p>{typeof error.data === "string" && error.data ? error.data : "Please try again in a moment."}</p>
        <a href="" className="button">
          Try again
        </a>
      </section>
    );
  }
  if (isRouteErrorResponse(error)) {
    const title = error.status === 404 ? "Not found" : error.status === 403 ? "Not allowed" : "Something went wrong";
    return (
      <section className="error-page">
        <h1>{title}</h1>
        <p>{typeof error.data === "string" && error.data ? error.data : error.statusText}</p>
        <Link to="/app/live">Back to the sessions</Link>
      </section>
    );
  }
  return (
    <section className="error-page">
      <h1>Something went wrong</h1>
      <p>It has been logged on our side. Please reload the page or try again in a moment.</p>
      <Link to="/app/live">Back to the sessions</Link>
    </section>
  );
}
