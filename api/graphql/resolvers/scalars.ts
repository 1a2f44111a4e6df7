import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

/**
 * Keeps schema.graphql's description of a scalar: graphql-tools copies every own property of a
 * scalar resolver onto the schema's type, and GraphQLScalarType always has `description`, so an
 * unset one would erase what the schema says (introspection would then describe nothing).
 */
function describedBySchema<T extends GraphQLScalarType>(scalar: T): T {
  delete (scalar as { description?: unknown }).description;
  return scalar;
}

/**
 * Dates leave as ISO-8601 UTC. Incoming values are passed on as written so the domain's
 * schema validates them and answers the same message through GraphQL and REST.
 */
export const DateTime = describedBySchema(new GraphQLScalarType<string, string>({
  name: "DateTime",
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError("DateTime cannot represent an invalid date");
    return date.toISOString();
  },
  parseValue(value) {
    if (typeof value !== "string") throw new GraphQLError("DateTime must be an ISO-8601 string, like 2025-11-01T08:00:00Z");
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime must be an ISO-8601 string, like 2025-11-01T08:00:00Z");
    return ast.value;
  },
}));

export const JSON = describedBySchema(
  new GraphQLScalarType({
    name: "JSON",
    serialize: (v) => v,
    parseValue: (v) => v,
  }),
);
