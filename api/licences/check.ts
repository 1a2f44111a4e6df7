/**
 * `npm run licences` (and a step of .ci/run): every production dependency's licence is
 * permissive (policy.ts) or a listed exception with a reason (exceptions.ts); anything else —
 * GPL, AGPL, LGPL, MPL, custom or missing licences — fails.
 *
 * The production tree is read from package-lock.json, which `npm ci` installs exactly: every
 * package not marked `dev` (so the platform-specific optional packages of other machines are
 * checked too). A package's licence comes from its installed package.json when present, else
 * from the lockfile's copy of that field.
 *
 * Usage: tsx api/licences/check.ts [project directory, default the current one]
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { EXCEPTIONS, type LicenceException } from "./exceptions.js";
import { judge, licenceExpression, type Verdict } from "./policy.js";

interface LockEntry {
  name?: string;
  version?: string;
  license?: string;
  dev?: boolean;
  link?: boolean;
}

export interface CheckedPackage {
  name: string;
  version: string;
  path: string;
  verdict: Verdict;
  exception?: LicenceException;
}

export interface LicenceReport {
  projectLicence: string | undefined;
  packages: CheckedPackage[];
  failures: CheckedPackage[];
  allowed: CheckedPackage[];
  unusedExceptions: LicenceException[];
}

const nameFromPath = (path: string) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);

export function checkLicences(projectDir: string, exceptions: readonly LicenceException[] = EXCEPTIONS): LicenceReport {
  const lock = JSON.parse(readFileSync(join(projectDir, "package-lock.json"), "utf8")) as {
    lockfileVersion?: number;
    packages?: Record<string, LockEntry>;
  };
  if (!lock.packages || (lock.lockfileVersion ?? 0) < 2) throw new Error("package-lock.json has no `packages` map (lockfileVersion 2 or 3 needed).");

  const packages: CheckedPackage[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "" || entry.dev || entry.link || !path.includes("node_modules/")) continue;
    const installed = join(projectDir, path, "package.json");
    const manifest = existsSync(installed) ? (JSON.parse(readFileSync(installed, "utf8")) as Record<string, unknown>) : { license: entry.license };
    const name = typeof manifest.name === "string" ? manifest.name : (entry.name ?? nameFromPath(path));
    const version = typeof manifest.version === "string" ? manifest.version : (entry.version ?? "?");
    const verdict = judge(licenceExpression(manifest));
    const exception = verdict.ok ? undefined : exceptions.find((e) => e.name === name && e.licence === verdict.licence);
    packages.push({ name, version, path, verdict, exception });
  }
  const root = lock.packages[""];
  return {
    projectLicence: root?.license,
    packages,
    failures: packages.filter((p) => !p.verdict.ok && !p.exception),
    allowed: packages.filter((p) => p.exception),
    unusedExceptions: exceptions.filter((e) => !packages.some((p) => p.exception === e)),
  };
}

function main() {
  const dir = resolve(process.argv[2] ?? ".");
  const report = checkLicences(dir);
  const counts = new Map<string, number>();
  for (const p of report.packages) counts.set(p.verdict.licence, (counts.get(p.verdict.licence) ?? 0) + 1);

  console.log(`Licence check of the production dependencies in ${join(dir, "package-lock.json")}`);
  console.log(`  project licence: ${report.projectLicence ?? "(none)"} (see LICENSE)`);
  console.log(`  ${report.packages.length} production packages checked (dev-only packages skipped); licences found:`);
  for (const [licence, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`    ${String(n).padStart(4)}  ${licence}`);

  console.log(`  allowed by exception (api/licences/exceptions.ts):${report.allowed.length ? "" : " none"}`);
  for (const p of report.allowed) {
    console.log(`    ${p.name}@${p.version}  ${p.verdict.licence}`);
    console.log(`      why: ${p.exception!.reason}`);
  }

  let failed = false;
  if (report.failures.length) {
    failed = true;
    console.error(`\nFAIL: ${report.failures.length} production package(s) with a licence that is not permissive and has no exception:`);
    for (const p of report.failures) {
      const why = p.verdict.ok ? "" : p.verdict.why;
      console.error(`    ${p.name}@${p.version}  ${p.verdict.licence}  (${why}; ${p.path})`);
    }
    console.error("  Replace or override the package, or add an exception with a reason to api/licences/exceptions.ts.");
  }
  if (report.unusedExceptions.length) {
    failed = true;
    console.error(`\nFAIL: exception(s) matching no production package (licence changed, or the package is gone); update api/licences/exceptions.ts:`);
    for (const e of report.unusedExceptions) console.error(`    ${e.name}  ${e.licence}`);
  }
  if (failed) process.exit(1);
  console.log("\nOK: every production dependency is permissively licensed or an explained exception.");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
