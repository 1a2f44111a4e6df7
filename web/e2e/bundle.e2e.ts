/**
 * What the browse page makes a phone download: its JavaScript stays under 150 KB gzip,
 * and the 100ms SDK (its own lazy chunk) is not part of it. Read from the built manifest.
 * And what every page ships: only permissively licensed packages (no GPL/AGPL/LGPL/MPL,
 * custom or missing licences), read from the build's list of bundled packages.
 */
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { ClientBundlePackage } from "../../api/licences/client-bundle-packages.js";
import { judge } from "../../api/licences/policy.js";

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

describe("the licences of the JavaScript sent to browsers", () => {
  it("are all permissive: no copyleft, custom or unknown licence, and no exceptions", () => {
    // Written by the client build (api/licences/client-bundle-packages.ts, a plugin in vite.config.ts).
    const { packages } = JSON.parse(readFileSync("build/client-packages.json", "utf8")) as { packages: ClientBundlePackage[] };
    const names = packages.map((p) => p.name);
    // The list covers the app shell and the room pages' SDK chunk, so an empty or partial list cannot pass.
    expect(names).toEqual(expect.arrayContaining(["react-dom", "@remix-run/react", "@100mslive/hms-video-store"]));
    console.log(`browser bundle: ${packages.length} npm packages: ${packages.map((p) => `${p.name}@${p.version} (${p.licence})`).join(", ")}`);
    const refused = packages.filter((p) => !judge(p.licence ?? undefined).ok).map((p) => `${p.name}@${p.version} ${p.licence ?? "(no licence)"} in ${p.chunks.join(", ")}`);
    expect(refused).toEqual([]);

    // Minifying drops most copyright notices, so the build ships them in one file beside the code.
    const notices = readFileSync("build/client/third-party-licences.txt", "utf8");
    for (const p of packages) expect(notices).toContain(`${p.name}@${p.version} — ${p.licence}`);
    expect(notices).toContain("Copyright (c) Facebook, Inc. and its affiliates."); // react's MIT notice
  });
});
