/**
 * Every element of the schema an integrator sees has a description, read from the schema as
 * served (introspection through the running app), so a description lost anywhere between
 * schema.graphql and the wire (the DateTime scalar's, once) fails here, as does a new field
 * added without one.
 */
import { buildClientSchema, getIntrospectionQuery, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../test-support/hooks.js";

const t = useTestApp();

async function servedSchema() {
  const res = await t.app.gql<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
  expect(res.errors).toBeUndefined();
  return buildClientSchema(res.data!);
}

const blank = (description: string | null | undefined) => !description || description.trim() === "";

describe("the served schema's descriptions", () => {
  it("every type, field, argument, input field, enum value and scalar has one", async () => {
    const schema = await servedSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      // The built-in scalars (String, Int…) are described by graphql-js itself.
      if (blank(type.description)) missing.push(`type ${type.name}`);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (blank(field.description)) missing.push(`field ${type.name}.${field.name}`);
          for (const arg of field.args) if (blank(arg.description)) missing.push(`argument ${type.name}.${field.name}(${arg.name})`);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`input field ${type.name}.${field.name}`);
      } else if (isEnumType(type)) {
        for (const value of type.getValues()) if (blank(value.description)) missing.push(`enum value ${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the DateTime scalar keeps its description at run time, saying UTC ISO-8601", async () => {
    const schema = await servedSchema();
    expect(schema.getType("DateTime")?.description).toMatch(/ISO-8601.*UTC|UTC.*ISO-8601/);
  });

  it("money: the schema says which unit each amount is in", async () => {
    const schema = await servedSchema();
    const described = (typeName: string, field: string) => {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      return type.getFields()[field]?.description ?? "";
    };
    for (const [type, field] of [["LiveSession", "price"], ["Enrollment", "amountPaid"], ["Refund", "amount"], ["Checkout", "amount"]] as const) {
      expect(described(type, field), `${type}.${field}`).toMatch(/major units/);
    }
    expect(described("Checkout", "amountInMinorUnits")).toMatch(/minor units/);
  });
});
