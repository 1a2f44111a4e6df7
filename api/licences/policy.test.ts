import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkLicences } from "./check.js";
import { judge, licenceExpression, packageDirOf } from "./policy.js";

describe("judge: the licence field read as an SPDX expression", () => {
  it.each(["MIT", "ISC", "Apache-2.0", "BSD-3-Clause", "0BSD", "Unlicense", "mit", "Apache-2.0+"])("accepts permissive %s", (l) => {
    expect(judge(l).ok).toBe(true);
  });

  it.each(["GPL-3.0-only", "GPL-2.0+", "AGPL-3.0-or-later", "LGPL-2.1", "LGPL-3.0-or-later", "MPL-2.0", "UNLICENSED", "CC-BY-NC-4.0"])(
    "rejects %s",
    (l) => {
      expect(judge(l)).toMatchObject({ ok: false, why: "not permissive" });
    },
  );

  it("accepts a dual licence when one choice is permissive, rejects it when none is", () => {
    expect(judge("(MIT OR GPL-3.0)").ok).toBe(true);
    expect(judge("GPL-2.0-only OR Apache-2.0").ok).toBe(true);
    expect(judge("(Unlicense OR Apache-2.0)").ok).toBe(true);
    expect(judge("(GPL-2.0-only OR LGPL-3.0-only)").ok).toBe(false);
    expect(judge("MIT or GPL-3.0").ok).toBe(true); // lowercase operators appear in the wild
  });

  it("requires every part of a conjunction to be permissive", () => {
    expect(judge("(MIT AND BSD-3-Clause)").ok).toBe(true);
    expect(judge("MIT AND GPL-3.0-only").ok).toBe(false);
    expect(judge("(MIT AND (Zlib OR AGPL-3.0-only))").ok).toBe(true);
    expect(judge("MIT AND (LGPL-2.1 OR GPL-3.0)").ok).toBe(false);
  });

  it("does not accept a licence WITH an exception it has not reviewed", () => {
    expect(judge("GPL-2.0-only WITH Classpath-exception-2.0").ok).toBe(false);
    expect(judge("MIT OR GPL-2.0-only WITH Classpath-exception-2.0").ok).toBe(true);
  });

  it("fails missing, custom and unparsable licences", () => {
    expect(judge(undefined)).toMatchObject({ ok: false, why: "missing" });
    expect(judge("SEE LICENSE IN LICENSE.md")).toMatchObject({ ok: false, why: "custom licence text" });
    expect(judge("LicenseRef-Proprietary")).toMatchObject({ ok: false, why: "custom licence text" });
    expect(judge("(MIT OR LicenseRef-Commercial)").ok).toBe(true);
    expect(judge("MIT/X11")).toMatchObject({ ok: false, why: "not an SPDX expression" });
    expect(judge("(MIT OR")).toMatchObject({ ok: false, why: "not an SPDX expression" });
    expect(judge("MIT Apache-2.0")).toMatchObject({ ok: false, why: "not an SPDX expression" });
  });
});

describe("licenceExpression: reads current and legacy package.json forms", () => {
  it("reads a string, an object and a legacy licenses array (as OR)", () => {
    expect(licenceExpression({ license: "MIT" })).toBe("MIT");
    expect(licenceExpression({ license: { type: "ISC", url: "x" } })).toBe("ISC");
    expect(licenceExpression({ licenses: [{ type: "MIT" }, { type: "GPL-2.0" }] })).toBe("(MIT) OR (GPL-2.0)");
    expect(licenceExpression({ licenses: [{ type: "MIT" }, {}] })).toBeUndefined();
    expect(licenceExpression({})).toBeUndefined();
    expect(licenceExpression({ license: "  " })).toBeUndefined();
  });
});

describe("packageDirOf: which npm package a bundled module comes from", () => {
  const manifests: Record<string, { name?: string; type?: string }> = {
    "/p": { name: "live-sessions" },
    "/p/node_modules/react-dom": { name: "react-dom" },
    "/p/node_modules/@100mslive/hms-video-store": { name: "@100mslive/hms-video-store" },
    "/p/node_modules/@100mslive/hms-video-store/node_modules/ua-parser-js": { name: "ua-parser-js" },
    "/p/node_modules/esm-thing": { name: "esm-thing" },
    "/p/node_modules/esm-thing/dist/esm": { type: "module" },
    "/elsewhere/shim": { name: "ua-parser-shim" },
  };
  const dirOf = (id: string) => packageDirOf(id, "/p", (dir) => manifests[dir]);

  it("finds the innermost named package through Rollup's id decorations", () => {
    expect(dirOf("/p/node_modules/react-dom/cjs/react-dom.production.min.js")).toBe("/p/node_modules/react-dom");
    expect(dirOf("\0/p/node_modules/@100mslive/hms-video-store/node_modules/ua-parser-js/src/ua-parser.js?commonjs-module")).toBe(
      "/p/node_modules/@100mslive/hms-video-store/node_modules/ua-parser-js",
    );
    expect(dirOf("/p/node_modules/esm-thing/dist/esm/index.js")).toBe("/p/node_modules/esm-thing");
    expect(dirOf("/elsewhere/shim/index.js")).toBe("/elsewhere/shim");
  });

  it("leaves out the project's own code and virtual modules", () => {
    expect(dirOf("/p/web/root.tsx")).toBeUndefined();
    expect(dirOf("\0vite/preload-helper.js")).toBeUndefined();
    expect(dirOf("\0commonjsHelpers.js")).toBeUndefined();
  });
});

describe("checkLicences over a lockfile", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function project(packages: Record<string, object>, installed: Record<string, object> = {}) {
    dir = mkdtempSync(join(tmpdir(), "licences-"));
    writeFileSync(join(dir, "package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages: { "": { name: "app", license: "UNLICENSED" }, ...packages } }));
    for (const [path, manifest] of Object.entries(installed)) {
      mkdirSync(join(dir, path), { recursive: true });
      writeFileSync(join(dir, path, "package.json"), JSON.stringify(manifest));
    }
    return dir;
  }
  const exception = { name: "gpl-server-thing", licence: "GPL-3.0-only", reason: "server only, test" };

  it("fails a copyleft or unlicensed production package and ignores dev-only ones", () => {
    const r = checkLicences(
      project({
        "node_modules/fine": { version: "1.0.0", license: "MIT" },
        "node_modules/agpl": { version: "2.0.0", license: "AGPL-3.0-or-later" },
        "node_modules/nothing": { version: "1.0.0" },
        "node_modules/gpl-dev-tool": { version: "1.0.0", license: "GPL-3.0-only", dev: true },
      }),
      [],
    );
    expect(r.projectLicence).toBe("UNLICENSED");
    expect(r.packages.map((p) => p.name).sort()).toEqual(["agpl", "fine", "nothing"]);
    expect(r.failures.map((p) => `${p.name} ${p.verdict.licence}`)).toEqual(["agpl AGPL-3.0-or-later", "nothing (none)"]);
  });

  it("prefers the installed package.json, including the legacy licenses array", () => {
    const r = checkLicences(
      project({ "node_modules/a/node_modules/legacy": { version: "0.1.0" } }, { "node_modules/a/node_modules/legacy": { name: "legacy", version: "0.1.0", licenses: [{ type: "GPL-2.0" }] } }),
      [],
    );
    expect(r.failures.map((p) => `${p.name}@${p.version} ${p.verdict.licence}`)).toEqual(["legacy@0.1.0 GPL-2.0"]);
  });

  it("allows an exception only for the exact licence it was reviewed under, and reports unused ones", () => {
    const ok = checkLicences(project({ "node_modules/gpl-server-thing": { version: "1.0.0", license: "GPL-3.0-only" } }), [exception]);
    expect(ok.failures).toEqual([]);
    expect(ok.allowed.map((p) => p.name)).toEqual(["gpl-server-thing"]);
    expect(ok.unusedExceptions).toEqual([]);
    rmSync(dir, { recursive: true, force: true });

    const relicensed = checkLicences(project({ "node_modules/gpl-server-thing": { version: "2.0.0", license: "AGPL-3.0-only" } }), [exception]);
    expect(relicensed.failures.map((p) => p.name)).toEqual(["gpl-server-thing"]);
    expect(relicensed.unusedExceptions).toEqual([exception]);
  });
});
