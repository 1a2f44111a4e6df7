/**
 * What the browse page makes a phone download: its JavaScript stays under 150 KB gzip,
 * and the 100ms SDK (its own lazy chunk) is not part of it. Read from the built manifest.
 */
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const ASSETS = "build/client/assets";

interface RemixManifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
}

function manifest(): RemixManifest {
  const file = readdirSync(ASSETS).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error("No build manifest: run `npm run build` first.");
  const text = readFileSync(`${ASSETS}/${file}`, "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as RemixManifest;
}

function pageModules(m: RemixManifest, routeId: string): string[] {
  const route = m.routes[routeId];
  if (!route) throw new Error(`no route ${routeId} in the manifest`);
  const root = m.routes.root!;
  return [...new Set([m.entry.module, ...m.entry.imports, root.module, ...(root.imports ?? []), route.module, ...(route.imports ?? [])])];
}

const gzipKb = (path: string) => gzipSync(readFileSync(`build/client${path}`)).length / 1024;

describe("the browse page's JavaScript", () => {
  it("stays under 150 KB gzip and leaves the 100ms SDK out", () => {
    const modules = pageModules(manifest(), "routes/app.live._index");
    const total = modules.reduce((sum, m) => sum + gzipKb(m), 0);
    console.log(`browse page JavaScript: ${total.toFixed(1)} KB gzip in ${modules.length} files`);
    expect(total).toBeLessThan(150);
    for (const m of modules) expect(readFileSync(`build/client${m}`, "utf8")).not.toMatch(/100mslive|hms-video-store/);
  });

  it("loads the 100ms SDK only on the room pages, lazily", () => {
    const m = manifest();
    const sdkChunk = readdirSync(ASSETS).find((f) => f.startsWith("video-room.client"));
    expect(sdkChunk).toBeDefined();
    expect(gzipKb(`/assets/${sdkChunk}`)).toBeGreaterThan(50);
    for (const id of ["routes/app.live.host.$id", "routes/app.live.join.$sessionId"]) {
      expect(pageModules(m, id)).not.toContain(`/assets/${sdkChunk}`);
      expect(readFileSync(`build/client${m.routes[id]!.module}`, "utf8")).toContain(sdkChunk!);
    }
  });
});
