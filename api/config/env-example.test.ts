/**
 * Every setting the service reads is listed in .env.example and in the settings table of
 * docs/configuration.md, and neither lists a setting the service does not read: adding a
 * key to the env schema without documenting it fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema, loadEnv } from "./env.js";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

const schemaKeys = Object.keys(envSchema.shape).sort();

/** `NAME=value` or `# NAME=value` (a commented-out default) at the start of a line. */
function exampleAssignments(text: string): { name: string; value: string }[] {
  return [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => ({ name: m[1]!, value: m[2]!.trim() }));
}

/** The first cell of each row of the settings table: "| `NAME` | default | meaning |". */
function documentedSettings(markdown: string): string[] {
  const section = /^## Settings\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown)?.[1] ?? "";
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]!);
}

describe(".env.example", () => {
  const assignments = exampleAssignments(read(".env.example"));
  const names = assignments.map((a) => a.name);

  it("lists every setting of the env schema once, and nothing else", () => {
    expect([...new Set(names)].sort()).toEqual(schemaKeys);
    expect(names.length).toBe(new Set(names).size);
  });

  it("says something about each setting on the lines above it", () => {
    const lines = read(".env.example").split("\n");
    for (const name of schemaKeys) {
      const at = lines.findIndex((l) => new RegExp(`^#? ?${name}=`).test(l));
      if (at < 0) continue; // missing altogether: the test above says so
      expect(lines[at - 1], `${name} has no comment above it`).toMatch(/^# \S/);
    }
  });

  it("its uncommented assignments, if any, are a valid environment", () => {
    const active = Object.fromEntries(
      read(".env.example")
        .split("\n")
        .filter((l) => /^[A-Z]/.test(l))
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    expect(() => loadEnv(active)).not.toThrow();
  });
});

describe("docs/configuration.md", () => {
  const documented = documentedSettings(read("docs/configuration.md"));

  it("has a row in its settings table for every setting of the env schema, and no other", () => {
    expect([...new Set(documented)].sort()).toEqual(schemaKeys);
    expect(documented.length).toBe(new Set(documented).size);
  });
});
