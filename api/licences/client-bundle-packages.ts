/**
 * A Vite plugin for the client build: records which npm packages have code in the JavaScript
 * sent to browsers (every module Rollup rendered into a chunk of build/client), with each
 * package's version and licence field, in build/client-packages.json. web/e2e/bundle.e2e.ts
 * reads it and allows only permissive licences there.
 *
 * A package is the nearest package.json with a name above a module (policy.ts, packageDirOf),
 * so code from node_modules, local `file:` packages or aliases is all covered.
 *
 * The list is written beside build/client, not inside it. What browsers do get is
 * build/client/third-party-licences.txt: each bundled package's licence text, because the
 * minified chunks drop most copyright notices that MIT/BSD/ISC ask to be kept with copies.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Plugin } from "vite";
import { licenceExpression, packageDirOf } from "./policy.js";

export interface ClientBundlePackage {
  name: string;
  version: string;
  /** The package.json licence field (legacy forms read as in policy.ts); null when missing. */
  licence: string | null;
  /** Package directory relative to the project. */
  dir: string;
  /** Output chunks holding its code. */
  chunks: string[];
}

export function clientBundlePackages(outFile = "build/client-packages.json"): Plugin {
  let isClientBuild = false;
  let root = process.cwd();
  let file = resolve(outFile);
  return {
    name: "live-sessions:client-bundle-packages",
    apply: "build",
    configResolved(config) {
      isClientBuild = !config.build.ssr;
      root = config.root;
      file = resolve(root, outFile);
    },
    buildStart() {
      // A failed or skipped client build must not leave an old list behind for the test to trust.
      if (isClientBuild) rmSync(file, { force: true });
    },
    generateBundle(_options, bundle) {
      if (!isClientBuild) return;
      const manifests = new Map<string, Record<string, unknown> | undefined>();
      const readManifest = (dir: string) => {
        if (!manifests.has(dir)) {
          let manifest: Record<string, unknown> | undefined;
          try {
            manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
          } catch {
            manifest = undefined;
          }
          manifests.set(dir, manifest);
        }
        return manifests.get(dir);
      };
      const chunksByDir = new Map<string, Set<string>>();
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        for (const [id, module] of Object.entries(output.modules)) {
          if (module.renderedLength === 0) continue; // tree-shaken away: nothing of it ships
          const dir = packageDirOf(id, root, readManifest);
          if (!dir) continue;
          if (!chunksByDir.has(dir)) chunksByDir.set(dir, new Set());
          chunksByDir.get(dir)!.add(output.fileName);
        }
      }
      const packages: ClientBundlePackage[] = [...chunksByDir]
        .map(([dir, chunks]) => {
          const manifest = readManifest(dir) ?? {};
          return {
            name: typeof manifest.name === "string" ? manifest.name : relative(root, dir),
            version: typeof manifest.version === "string" ? manifest.version : "?",
            licence: licenceExpression(manifest) ?? null,
            dir: relative(root, dir),
            chunks: [...chunks].sort(),
          };
        })
        .sort((a, b) => a.dir.localeCompare(b.dir));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ packages }, null, 2) + "\n");
      this.emitFile({ type: "asset", fileName: NOTICES_FILE, source: notices(root, packages) });
    },
  };
}

/** Served at /third-party-licences.txt. */
export const NOTICES_FILE = "third-party-licences.txt";

function notices(root: string, packages: ClientBundlePackage[]): string {
  const parts = [
    "Third-party software in the JavaScript of this site, with the licence of each package.\n" +
      "(Live Sessions' own code: Copyright (c) 2026 Live Sessions. All rights reserved.)\n",
  ];
  for (const p of packages) {
    const dir = join(root, p.dir);
    const licenceFiles = readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
    const texts = licenceFiles.map((f) => readFileSync(join(dir, f), "utf8").trim());
    parts.push(
      `${"=".repeat(78)}\n${p.name}@${p.version} — ${p.licence ?? "no licence field"}\n${"=".repeat(78)}\n` +
        (texts.length ? texts.join("\n\n") : `(The package includes no licence file; its package.json says: ${p.licence ?? "nothing"}.)`) +
        "\n",
    );
  }
  return parts.join("\n");
}
