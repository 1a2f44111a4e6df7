/**
 * What the browse page makes a phone download, as Chromium receives it over the wire: its
 * JavaScript stays under 100 KB, every hashed asset comes precompressed (brotli) and
 * cached for a year, pages and GraphQL answers are compressed as they are sent; the 100ms
 * SDK (its own lazy chunk, read from the built manifest) is not part of it.
 * And what every page ships: only permissively licensed packages (no GPL/AGPL/LGPL/MPL,
 * custom or missing licences), read from the build's list of bundled packages.
 */
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientBundlePackage } from "../../api/licences/client-bundle-packages.js";
import { judge } from "../../api/licences/policy.js";
import { startE2E, type E2E } from "./browser.js";

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

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

interface Received {
  url: string;
  type: string;
  /** Bytes of the body as sent (compressed when it was). */
  wire: number;
  encoding: string | undefined;
  cacheControl: string | undefined;
}

/** Everything a fresh phone-sized browser receives while opening `path`, with its size on the wire. */
async function receivedOpening(path: string): Promise<Received[]> {
  const { context, page } = await e2e.newUser();
  const responses: Response[] = [];
  page.on("response", (r) => responses.push(r));
  await page.goto(path, { waitUntil: "networkidle" });
  const received = await Promise.all(
    responses
      .filter((r) => r.url().startsWith(e2e.url))
      .map(async (r) => {
        const headers = await r.allHeaders();
        return { url: r.url().slice(e2e.url.length), type: r.request().resourceType(), wire: (await r.request().sizes()).responseBodySize, encoding: headers["content-encoding"], cacheControl: headers["cache-control"] };
      }),
  );
  await context.close();
  return received;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

describe("the browse page over the wire", () => {
  it("sends under 100 KB of JavaScript, every asset brotli-compressed and cached for a year", async () => {
    const received = await receivedOpening("/app/live");
    const scripts = received.filter((r) => r.type === "script");
    const js = scripts.reduce((sum, r) => sum + r.wire, 0);
    const all = received.reduce((sum, r) => sum + r.wire, 0);
    console.log(`browse page: ${kb(js)} KB of JavaScript in ${scripts.length} files, ${kb(all)} KB in all (${received.length} responses) on the wire`);
    // Each module is fetched (a page that loaded none would pass any budget).
    const modules = pageModules(manifest(), "routes/app.live._index");
    expect(scripts.map((r) => r.url).sort()).toEqual(expect.arrayContaining(modules));
    expect(js).toBeLessThan(100 * 1024);
    // Measured compressed: against the files on disk, brotli shrinks the whole at least threefold.
    const onDisk = modules.reduce((sum, m) => sum + readFileSync(`build/client${m}`).length, 0);
    expect(js * 3).toBeLessThan(onDisk);
    for (const asset of received.filter((r) => r.url.startsWith("/assets/") && r.wire > 1024)) {
      expect(asset, asset.url).toMatchObject({ encoding: "br", cacheControl: "public, max-age=31536000, immutable" });
    }
    const html = received.find((r) => r.type === "document")!;
    expect(html).toMatchObject({ encoding: "br" });
  });

  it("precompressed assets go as gzip to a client without brotli, and as they are to one that asks for neither", async () => {
    const asset = pageModules(manifest(), "routes/app.live._index").find((m) => readFileSync(`build/client${m}`).length > 4096)!;
    const gz = await fetch(`${e2e.url}${asset}`, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(await gz.text()).toBe(readFileSync(`build/client${asset}`, "utf8")); // fetch decompresses
    const plain = await fetch(`${e2e.url}${asset}`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Number(plain.headers.get("content-length"))).toBe(readFileSync(`build/client${asset}`).length);
  });

  it("compresses GraphQL answers above 1 KB as they are sent, and leaves small ones alone", async () => {
    await e2e.composition.services.createSession(
      await e2e.composition.services.resolveViewer({ subject: "local|meera", name: "Meera Iyer", roles: ["expert"] }),
      { title: "A class with a long description", description: "Slow breath. ".repeat(200), scheduledStartTime: new Date(Date.now() + 3_600_000).toISOString(), scheduledEndTime: new Date(Date.now() + 7_200_000).toISOString() },
    );
    const ask = (query: string) =>
      fetch(`${e2e.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "accept-encoding": "br, gzip" }, body: JSON.stringify({ query }) });
    const big = await ask("{ sessions(limit: 20) { items { id title description } } }");
    expect(big.headers.get("content-encoding")).toBe("br");
    expect((await big.json()).data.sessions.items[0].description).toMatch(/^Slow breath/);
    const small = await ask("{ sessions(limit: 1) { total } }");
    expect(small.headers.get("content-encoding")).toBeNull();
  });
});

describe("the 100ms SDK", () => {
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
