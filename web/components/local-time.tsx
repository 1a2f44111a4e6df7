import { useEffect, useState } from "react";
import { formatWhen, startsInLabel } from "../lib/format";

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
 * "starts in 2 h 5 min", counting down in the browser (the server's clock and the page's
 * age would make any server-rendered figure wrong); nothing before the page runs.
 */
export function StartsIn({ iso }: { iso: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return null;
  const label = startsInLabel(Date.parse(iso) - now);
  return label ? <span className="starts-in">{label}</span> : null;
}
