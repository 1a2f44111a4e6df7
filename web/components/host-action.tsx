/**
 * Start, End and Cancel, each asked before it is done: what happens to the students is
 * said first, and the button that does it is a second press. Starting well before the
 * scheduled time asks once more, with the API's own words (`viewerCan.start.caution`).
 * Before the page's JavaScript runs, the first press does nothing: the question needs it.
 */
import { Form } from "@remix-run/react";
import { useId, useState } from "react";

export type HostIntent = "start" | "end" | "cancel";

interface Props {
  intent: HostIntent;
  sessionId: string;
  title: string;
  enrolledCount: number;
  /** The API's second question (start only), when there is one. */
  caution?: string | null;
  /** The first button's text; "Start" on a dashboard row, "Start session" on the session's page. */
  label: string;
  busy?: boolean;
  /** Post to the session's page (from the dashboard) rather than to the current one. */
  action?: string;
}

const BUTTON_CLASS: Record<HostIntent, string> = { start: "primary", end: "danger", cancel: "secondary" };

function students(n: number): string {
  return n === 0 ? "No student is enrolled yet." : n === 1 ? "The 1 enrolled student" : `The ${n} enrolled students`;
}

/** What the question says: what happens to the students, in their terms. */
function consequences(intent: HostIntent, enrolled: number): { question: string; detail: string; yes: string; no: string } {
  const who = students(enrolled);
  switch (intent) {
    case "start":
      return {
        question: "Start the class now?",
        detail: enrolled ? `The room opens. ${who} waiting for it ${enrolled === 1 ? "is" : "are"} taken in; the others can join from the class page.` : "The room opens. No student is enrolled yet.",
        yes: "Yes, start now",
        no: "Not yet",
      };
    case "end":
      return {
        question: "End the class for everyone?",
        detail: `Everyone in the room is disconnected and the room closes for good.${enrolled ? ` ${who} can no longer join.` : ""}`,
        yes: "Yes, end it for everyone",
        no: "Keep the class going",
      };
    case "cancel":
      return {
        question: "Cancel this class?",
        detail: enrolled ? `${who} will see it as cancelled and can no longer join. This cannot be undone.` : "It will show as cancelled. This cannot be undone.",
        yes: "Yes, cancel the class",
        no: "Keep the class",
      };
  }
}

export function HostAction({ intent, sessionId, title, enrolledCount, caution, label, busy = false, action }: Props) {
  // 0: not asked; 1: asked; 2: asked again (an early start).
  const [step, setStep] = useState(0);
  const headingId = useId();
  if (step === 0) {
    return (
      <button type="button" className={BUTTON_CLASS[intent]} onClick={() => setStep(1)} disabled={busy} aria-label={action ? `${label}: ${title}` : undefined}>
        {label}
      </button>
    );
  }
  const said = consequences(intent, enrolledCount);
  const again = intent === "start" && caution && step === 1;
  return (
    <div role="alertdialog" aria-modal="false" aria-labelledby={headingId} className="panel confirm" data-testid={`confirm-${intent}-${sessionId}`}>
      <p id={headingId}>
        <strong>{step === 2 ? "Start it early?" : said.question}</strong> <span className="visually-hidden">{title}. </span>
        {step === 2 ? caution : said.detail}
      </p>
      <div className="controls">
        {again ? (
          <button type="button" className={BUTTON_CLASS[intent]} onClick={() => setStep(2)} autoFocus>
            {said.yes}
          </button>
        ) : (
          <Form method="post" action={action}>
            <button className={BUTTON_CLASS[intent] === "secondary" ? "danger" : BUTTON_CLASS[intent]} name="intent" value={intent} disabled={busy} autoFocus>
              {step === 2 ? "Yes, start it early" : said.yes}
            </button>
          </Form>
        )}
        <button type="button" className="secondary" onClick={() => setStep(0)} disabled={busy}>
          {said.no}
        </button>
      </div>
    </div>
  );
}
