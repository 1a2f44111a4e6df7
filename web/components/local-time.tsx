import { useEffect, useState } from "react";
import { formatWhen } from "../lib/format";

/** UTC from the server, then the viewer's own time zone once the page runs in the browser. */
export function LocalTime({ iso }: { iso: string }) {
  const [zone, setZone] = useState<string | undefined>("UTC");
  useEffect(() => setZone(undefined), []);
  return <time dateTime={iso}>{formatWhen(iso, zone)}</time>;
}
