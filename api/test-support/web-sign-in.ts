/**
 * The web sign-in, driven without a browser: the app's first leg (WebAuth.signIn, what
 * /auth/login calls), the local OpenID Connect provider's pages (choose a demo account,
 * consent), and the callback (what /auth/callback calls). Returns every Set-Cookie the app
 * sent and the signed-in session cookie, for tests of cookies and of what reaches the logs.
 */
import type { WebAuth } from "../auth/web-auth.js";
import type { DemoUserKey } from "../stand-ins/auth0/demo-users.js";

export interface WebSignIn {
  /** `__session=…`: send it as the Cookie header to be this user. */
  sessionCookie: string;
  /** The app's Set-Cookie headers: the first leg's, then the callback's. */
  setCookies: { firstLeg: string[]; callback: string[] };
  /** Where the callback sent the browser (the returnTo the app accepted). */
  location: string;
}

function remember(jar: Map<string, string>, setCookies: string[]): void {
  for (const line of setCookies) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export async function signInOnWeb(auth: WebAuth, appUrl: string, who: DemoUserKey, returnTo = "/app/live"): Promise<WebSignIn> {
  const app = new Map<string, string>();
  const provider = new Map<string, string>();
  const first = await auth.signIn(new Request(`${appUrl}/auth/login?${new URLSearchParams({ returnTo })}`), returnTo);
  const firstLeg = first.headers.getSetCookie();
  remember(app, firstLeg);

  let location = new URL(first.headers.get("location")!);
  for (let hop = 0; hop < 20 && !location.href.startsWith(`${appUrl}/auth/callback`); hop++) {
    let res = await fetch(location, { redirect: "manual", headers: { cookie: cookieHeader(provider) } });
    remember(provider, res.headers.getSetCookie());
    const login = /^\/interaction\/([^/]+)$/.exec(location.pathname);
    if (res.status === 200 && login) {
      // The demo accounts page: choose one.
      res = await fetch(new URL(`/interaction/${login[1]}/login`, location), {
        method: "POST",
        redirect: "manual",
        headers: { cookie: cookieHeader(provider), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ account: who }),
      });
      remember(provider, res.headers.getSetCookie());
    }
    const next = res.headers.get("location");
    if (!next) throw new Error(`the sign-in provider stopped at ${location.pathname} with HTTP ${res.status}`);
    location = new URL(next, location);
  }
  const back = await auth.signIn(new Request(location, { headers: { cookie: cookieHeader(app) } }));
  const callback = back.headers.getSetCookie();
  remember(app, callback);
  if (back.status !== 302 || !app.has("__session")) throw new Error(`sign-in did not complete (HTTP ${back.status})`);
  return { sessionCookie: `__session=${app.get("__session")}`, setCookies: { firstLeg, callback }, location: back.headers.get("location")! };
}
