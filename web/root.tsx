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
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import styles from "./styles/app.css?url";
import "./lib/context";
import { useNonce } from "./lib/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Ccircle cx=%228%22 cy=%228%22 r=%228%22 fill=%22%236d28d9%22/%3E%3C/svg%3E" },
];
/** An error page names its trouble in the tab's title too (a route's own meta is not used when it failed). */
const ERROR_TITLE: Record<number, string> = {
  400: "This address is not valid",
  403: "This page is not open to you",
  404: "Page not found",
  503: "Briefly unavailable",
};

export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: "Live Sessions — live yoga classes" }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: `${ERROR_TITLE[status] ?? "Something went wrong"} — Live Sessions` }];
};

export async function loader({ context }: LoaderFunctionArgs) {
  const v = context.viewer;
  return {
    viewer: v ? { name: v.name, avatarUrl: v.avatarUrl, isExpert: v.isExpert, mayRegisterWebhooks: v.mayRegisterWebhooks } : null,
    localStandIns: context.localStandIns,
  };
}

/** Where Sign in comes back to: this page, unless it is a sign-in page itself. */
function signInHref(pathname: string, search: string): string {
  if (pathname.startsWith("/auth/")) return "/auth/login";
  return `/auth/login?returnTo=${encodeURIComponent(pathname + search)}`;
}

/**
 * Tells the API this browser's time zone once (per browser and zone), after sign-in: the
 * API keeps it only while the user has none, so emails show their times in it.
 */
function useBrowserTimeZone(signedIn: boolean) {
  useEffect(() => {
    if (!signedIn) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const key = "live-sessions:time-zone-noted";
    if (!zone || window.localStorage.getItem(key) === zone) return;
    fetch("/app/live/time-zone", { method: "POST", body: new URLSearchParams({ timeZone: zone }) })
      .then(async (res) => {
        // The body is read even though nothing in it is needed: Chromium keeps a response
        // whose body nobody reads open, so the page's network never goes idle (seen in the
        // browser tests as a navigation that never settled).
        await res.arrayBuffer();
        if (res.ok) window.localStorage.setItem(key, zone);
      })
      .catch(() => {});
  }, [signedIn]);
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const viewer = data?.viewer;
  const location = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  // The account menu closes when its choice (or any link) takes the person to another page.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.pathname]);
  const links = (
    <>
      <NavLink to="/app/live" end>
        Browse
      </NavLink>
      {viewer && <NavLink to="/app/live/enrollments">My classes</NavLink>}
      {viewer?.isExpert && <NavLink to="/app/live/dashboard">Dashboard</NavLink>}
      {viewer?.isExpert && <NavLink to="/app/live/new">New session</NavLink>}
    </>
  );
  useBrowserTimeZone(Boolean(viewer));
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Link to="/app/live" className="brand">
        Live Sessions
      </Link>
      {/* On a phone the page links move into the account menu, so the header keeps to one line. */}
      <nav aria-label="Main" className={viewer ? "main-nav wide-only" : "main-nav"}>
        {links}
      </nav>
      <div className="account">
        {viewer ? (
          <details className="account-menu" ref={menu}>
            <summary>
              {viewer.avatarUrl && <img src={viewer.avatarUrl} alt="" width={28} height={28} />}
              <span className="who">{viewer.name}</span>
            </summary>
            <div className="menu-panel">
              <nav aria-label="Main, on a small screen" className="phone-only">
                {links}
              </nav>
              <Link to="/app/live/settings">Email settings</Link>
              {/* Also for admins, who have no dashboard to reach them from. */}
              {viewer.mayRegisterWebhooks && <Link to="/app/live/webhooks">Webhook endpoints</Link>}
              <Form method="post" action="/auth/logout">
                <button type="submit" className="link-button">
                  Sign out
                </button>
                <button type="submit" className="link-button" formAction="/auth/sign-out-everywhere">
                  Sign out everywhere
                </button>
                <p className="hint">“Everywhere” also signs you out in every other browser and device.</p>
              </Form>
            </div>
          </details>
        ) : (
          <Link to={signInHref(location.pathname, location.search)} className="button small">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}

/**
 * After a client-side navigation, focus goes to the new page's heading and a screen reader
 * hears the new page's title, as a full page load would give them. Not on the first load,
 * nor when only the query changes (a filter or a tab keeps the person where they are).
 */
function NavigationFocus() {
  const { pathname } = useLocation();
  const [announcement, setAnnouncement] = useState("");
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    setAnnouncement(document.title);
  }, [pathname]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="navigation-announcement">
      {announcement}
    </div>
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
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <NavigationFocus />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Pages a person may land on by mistake: each says what happened and where to go next. */
const ERROR_PAGE: Record<number, { heading: string; advice: string }> = {
  400: { heading: "This address is not valid", advice: "The link may have been cut short or mistyped." },
  403: { heading: "This page is not open to you", advice: "You are signed in, but this page belongs to someone else." },
  404: { heading: "We can't find that page", advice: "The link may be old, or the class may have been removed." },
};

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
    const page = ERROR_PAGE[error.status] ?? { heading: "Something went wrong", advice: "" };
    // Our own loaders say what is wrong in a sentence (the API's message); Remix's own 404 text is not for people.
    const said = typeof error.data === "string" && error.data && !error.data.startsWith("Error:") ? error.data : page.advice;
    return (
      <section className="error-page">
        <p className="error-code">Error {error.status}</p>
        <h1>{page.heading}</h1>
        <p>{said}</p>
        <p className="controls centered">
          <Link className="button" to="/app/live">
            Browse classes
          </Link>
          {error.status === 403 && (
            <Link className="button secondary" to="/app/live/enrollments">
              My classes
            </Link>
          )}
        </p>
      </section>
    );
  }
  return (
    <section className="error-page">
      <h1>Something went wrong</h1>
      <p>It has been logged on our side. Please reload the page or try again in a moment.</p>
      <Link className="button" to="/app/live">
        Browse classes
      </Link>
    </section>
  );
}
