import { Suspense, useEffect, useState, type ReactNode } from "react";

/** Renders its children only in the browser, after hydration (the 100ms SDK cannot run on the server). */
export function ClientOnly({ children, fallback }: { children: () => ReactNode; fallback: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? <Suspense fallback={fallback}>{children()}</Suspense> : <>{fallback}</>;
}
