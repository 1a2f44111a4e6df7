/**
 * "End session for everyone", asked twice: ending disconnects every student at once and
 * cannot be undone, so one stray tap must not do it. Plain React (no video SDK), so the
 * host page can show it outside the room too, when the room cannot connect.
 */
import { useId, useState } from "react";

export function EndSessionButton({ onEnd, busy = false }: { onEnd: () => void; busy?: boolean }) {
  const [asking, setAsking] = useState(false);
  const titleId = useId();
  if (!asking) {
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)} disabled={busy}>
        End session for everyone
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-modal="false" aria-labelledby={titleId} className="panel confirm">
      <p id={titleId}>
        <strong>End the class for everyone?</strong> Every student is disconnected and the room closes.
      </p>
      <div className="controls">
        <button type="button" className="danger" onClick={onEnd} disabled={busy} autoFocus>
          {busy ? "Ending…" : "Yes, end it for everyone"}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)} disabled={busy}>
          Keep the class going
        </button>
      </div>
    </div>
  );
}
