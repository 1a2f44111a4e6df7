/**
 * Pages whose figures move by themselves (the dashboard, the host page) hear of changes over
 * the GraphQL subscription on this origin's /graphql (api/http/graphql-ws.ts): the upgrade
 * carries the sign-in cookie, which the server accepts from the app's own origin only. Each
 * event reloads the page's data once (a revalidation), so the figures are the loader's, never
 * a second copy to keep in step.
 *
 * The old poll stays as the fallback, running only while no socket is open: before the first
 * one opens, when it cannot open (a proxy without WebSockets), and after it closed for good.
 * The person sees the same page either way; nothing says which channel is in use.
 */
import { useNavigation, useRevalidator } from "@remix-run/react";
import { createClient } from "graphql-ws";
import { useEffect, useRef, useState } from "react";

export interface LiveUpdatesOptions {
  /** A subscription document (its text), e.g. `subscription { mySessionsUpdated { id } }`. */
  subscription: string;
  variables?: Record<string, unknown>;
  /** How often to revalidate while no socket is open. */
  fallbackPollMs: number;
  /** Whether the fallback poll is wanted at all (e.g. only while a class is live). */
  pollWhenOffline: boolean;
}

/** Reconnection tries after a socket closed; past them the poll carries on alone. */
const RETRY_ATTEMPTS = 5;

export function useLiveUpdates({ subscription, variables, fallbackPollMs, pollWhenOffline }: LiveUpdatesOptions): void {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  // The revalidator changes on every render; the socket must not.
  const latest = useRef(revalidator);
  latest.current = revalidator;
  // A revalidation started while a navigation loads restarts that navigation (React Router
  // aborts its fetch, and the page that started it sees an AbortError): wait for it instead.
  const navigating = useRef(navigation.state !== "idle");
  navigating.current = navigation.state !== "idle";
  const idle = () => latest.current.state === "idle" && !navigating.current;
  const [socketOpen, setSocketOpen] = useState(false);
  const variablesKey = JSON.stringify(variables ?? {});

  useEffect(() => {
    // Several events in one burst (a class starting moves four figures) make one reload.
    let pending = false;
    const refresh = () => {
      if (idle()) void latest.current.revalidate();
      else pending = true;
    };
    const idleCheck = setInterval(() => {
      if (pending && idle()) {
        pending = false;
        latest.current.revalidate();
      }
    }, 250);
    let everConnected = false;
    const client = createClient({
      url: `${window.location.protocol === "https:" ? "wss:" : "ws:"}//${window.location.host}/graphql`,
      retryAttempts: RETRY_ATTEMPTS,
      // Closed by the server for the user's credentials or limits (4403, 4429): retrying will not help.
      shouldRetry: (event) => !(event && typeof event === "object" && "code" in event && [4403, 4429].includes((event as CloseEvent).code)),
      on: {
        connected: () => {
          // Back after a gap: whatever changed meanwhile was not heard.
          if (everConnected) refresh();
          everConnected = true;
          setSocketOpen(true);
        },
        closed: () => setSocketOpen(false),
        error: () => setSocketOpen(false),
      },
    });
    const stop = client.subscribe(
      { query: subscription, variables: JSON.parse(variablesKey) as Record<string, unknown> },
      {
        next: refresh,
        // Refused or ended (signed out, the class gone): the poll, if wanted, takes over.
        error: () => setSocketOpen(false),
        complete: () => {},
      },
    );
    return () => {
      clearInterval(idleCheck);
      stop();
      void client.dispose();
    };
  }, [subscription, variablesKey]);

  useEffect(() => {
    if (socketOpen || !pollWhenOffline) return;
    const timer = setInterval(() => idle() && latest.current.revalidate(), fallbackPollMs);
    return () => clearInterval(timer);
  }, [socketOpen, pollWhenOffline, fallbackPollMs]);
}
