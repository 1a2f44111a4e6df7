/**
 * The few lines every baseline's process shares (each runs in a process of its own, forked by
 * launch.ts, so its memory can be read apart from the bench's): where the database is, and
 * telling the launcher the port once listening, then closing when asked (SIGTERM) or when the
 * launcher is gone (the IPC channel closes).
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (the bench's launcher gives it)");
  return url;
}

export function announce(port: number, close: () => Promise<void>): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    close().finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("disconnect", stop);
  // The launcher may be gone already (the bench failed while this one started): then just stop.
  process.send!({ port }, (error: Error | null) => error && stop());
}
