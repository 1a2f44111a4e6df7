import { useEffect, useState } from "react";
import { endsInLabel, formatWhen, startsInLabel } from "../lib/format";

/**
 * UTC from the server, then the viewer's own time zone once the page runs in the browser.
 * With `endIso`, the end time follows the start ("Mon, 3 Dec, 08:00 – 09:00 IST").
 */
export function LocalTime({ iso, endIso }: { iso: string; endIso?: string }) {
  const [zone, setZone] = useState<string | undefined>("UTC");
  useEffect(() => setZone(undefined), []);
  return <time dateTime={iso}>{formatWhen(iso, zone, endIso)}</time>;
}

/**
 * A countdown to `iso` ("starts in 2 h 5 min"), counting in the browser (the server's clock and
 * the page's age would make any server-rendered figure wrong); nothing before the page runs.
 */
function Countdown({ iso, label }: { iso: string; label: (msAhead: number) => string | null }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return null;
  const text = label(Date.parse(iso) - now);
  return text ? <span className="starts-in">{text}</span> : null;
}

/** "starts in 2 h 5 min" before a class. */
export function StartsIn({ iso }: { iso: string }) {
  return <Countdown iso={iso} label={startsInLabel} />;
}

/** "ends in 42 min" during a class. */
export function EndsIn({ iso }: { iso: string }) {
  return <Countdown iso={iso} label={endsInLabel} />;
}
