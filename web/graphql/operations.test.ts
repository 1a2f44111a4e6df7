/**
 * The web app's own GraphQL operations use nothing the schema deprecates: the app is the API's
 * first client, and it should already speak the names integrators are asked to move to.
 */
import { readFileSync } from "node:fs";
import { buildSchema, NoDeprecatedCustomRule, validate, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import * as generated from "./__generated__/graphql";

const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
const documents = Object.entries(generated).filter((entry): entry is [string, DocumentNode] => entry[0].endsWith("Document"));

describe("the web app's operations", () => {
  it("are all found", () => {
    // A generator change that named them differently would make the test below check nothing.
    expect(documents.length).toBeGreaterThan(20);
  });

  it.each(documents)("%s uses no deprecated field or argument", (_name, document) => {
    expect(validate(schema, document, [NoDeprecatedCustomRule]).map((e) => e.message)).toEqual([]);
  });
});
