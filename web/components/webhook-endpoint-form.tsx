/**
 * The parts of the webhook endpoint pages (app.live.webhooks._index, app.live.webhooks.$id):
 * the receiver's address and its events, with the API's problems beside each field, and the
 * signing secret, which the API gives once (on creation and on rotation) and never again.
 */
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { formProblems } from "../lib/form-problems";
import { WEBHOOK_EVENTS } from "../lib/webhook-events";

export const ENDPOINT_FIELDS = {
  url: { id: "f-url", label: "Receiver URL" },
  events: { id: "f-events", label: "Events" },
};

export interface EndpointFormResult {
  ok: false;
  error: string;
  fields: Record<string, string>;
  /** What was sent, kept so a refused form keeps the person's input. */
  sent: { url: string; events: string[] };
}

/** The form's url and events, as the API takes them. */
export function endpointInputOf(form: FormData): { url: string; events: string[] } {
  return { url: String(form.get("url") ?? "").trim(), events: form.getAll("events").map(String) };
}

export function EndpointForm({ intent, submitLabel, busy, result, initial }: { intent: string; submitLabel: string; busy: boolean; result?: EndpointFormResult; initial?: { url: string; events: string[] } }) {
  const problems = formProblems(result?.fields, ENDPOINT_FIELDS);
  const values = result?.sent ?? initial ?? { url: "", events: [] };
  const alert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result) alert.current?.focus();
  }, [result]);
  const unsaid = result && Object.keys(problems).length === 0 ? result.error : null;
  return (
    // A refused answer is a new form state: remount so the inputs show what was sent.
    <Form method="post" className="form" noValidate key={JSON.stringify(values)}>
      {result && (
        <p className="error" role="alert" tabIndex={-1} ref={alert}>
          {unsaid ?? "Not saved: see the problems below."}
        </p>
      )}
      <label htmlFor={ENDPOINT_FIELDS.url.id}>
        {ENDPOINT_FIELDS.url.label}
        <span className="hint" id="f-url-hint">
          Where the events are sent: your server's https:// address. Addresses on private networks are refused.
        </span>
        <input
          id={ENDPOINT_FIELDS.url.id}
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          required
          defaultValue={values.url}
          aria-invalid={Boolean(problems.url)}
          aria-describedby={["f-url-hint", problems.url && "f-url-problem"].filter(Boolean).join(" ")}
        />
        {problems.url && (
          <span className="error" id="f-url-problem">
            {problems.url}
          </span>
        )}
      </label>
      <fieldset id={ENDPOINT_FIELDS.events.id} aria-describedby={problems.events ? "f-events-problem" : undefined}>
        <legend>{ENDPOINT_FIELDS.events.label}</legend>
        {problems.events && (
          <span className="error" id="f-events-problem">
            {problems.events}
          </span>
        )}
        {WEBHOOK_EVENTS.map((e) => (
          <label key={e.type} className="choice">
            <input type="checkbox" name="events" value={e.type} defaultChecked={values.events.includes(e.type)} />
            <span>
              <code>{e.type}</code>: {e.means}
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" name="intent" value={intent} disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}

/** The signing secret, shown this once, with a way to copy it. */
export function SecretOnce({ secret, url, rotated }: { secret: string; url: string; rotated: boolean }) {
  const [copied, setCopied] = useState<"" | "Copied." | "Could not copy: select the secret and copy it yourself.">("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("Copied.");
    } catch {
      setCopied("Could not copy: select the secret and copy it yourself.");
    }
  };
  return (
    <section className="panel secret-once" aria-labelledby="secret-heading">
      <h2 id="secret-heading">{rotated ? "The new signing secret" : "The endpoint's signing secret"}</h2>
      <p>
        Copy it now: <strong>it is shown only this once.</strong> Your receiver at <code>{url}</code> uses it to check that each delivery comes from us (the
        webhook-signature header).{rotated ? " The old secret no longer signs anything." : ""} Lost it? Rotate the secret to get a new one.
      </p>
      <label htmlFor="f-secret">Signing secret</label>
      <div className="controls">
        <input id="f-secret" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} className="secret" />
        <button type="button" className="secondary" onClick={copy}>
          Copy
        </button>
      </div>
      <p role="status" className="hint">
        {copied}
      </p>
    </section>
  );
}
