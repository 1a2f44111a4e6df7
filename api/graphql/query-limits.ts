/**
 * How much one GraphQL operation may ask for. Checked before anything runs (the web app's
 * own operations go through the same server, so they meet the same limits):
 *
 * - tokens: graphql-js's own parser limit (Apollo's `parseOptions`), so a huge document is
 *   refused while it is being read, before a tree is built;
 * - depth, aliases, directives: graphql-armor's validation rules;
 * - cost: our own check, because graphql-armor's cost rule only understands `first`/`last`
 *   arguments and ours are `limit`. Every object costs 1 per instance expected, and a list
 *   multiplies what is inside it by its size: `sessions(limit: n)` has n items, and a list
 *   without a limit (participants, enrollments, comments) counts as UNBOUNDED_LIST_SIZE.
 *   Scalars are free: they come with their object's row. A `limit` given as a variable is
 *   priced at the value the request sends (every generated client uses variables), so cost is
 *   checked once the operation and its variables are known (`operationCostError`, called by
 *   the server's plugin), not as a validation rule, which sees only the document.
 *
 * Every refusal answers `extensions.code` QUERY_TOO_COMPLEX with which `limit` was hit, the
 * `maximum` and what was `found`.
 */
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../domain/sessions/session-values.js";

export interface QueryLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
}

/**
 * The web app's largest operations are depth 5, cost about 800, under 250 tokens, no aliases
 * or directives (a test keeps every one of them under half of each limit). Depth is 10, not
 * 8, because asking what the viewer may do takes two levels on a list item
 * (`sessions { items { viewerCan { start { allowed } } } }`); cost, not depth, is what
 * bounds the work. An expert's page of 100 sessions with every related list (participants
 * and feedback comments, cost about 10,600) passes; every session's participants'
 * sessions' participants (260,100) does not.
 */
export const QUERY_LIMITS: QueryLimits = { depth: 10, aliases: 15, directives: 20, tokens: 1000, cost: 20_000 };

/** A list whose size no argument bounds (a session's participants, one's enrollments). */
export const UNBOUNDED_LIST_SIZE = 50;
/** The arguments that size a page: `limit` (sessions), `first` / `last` (connections). */
const PAGE_SIZE_ARGUMENTS = ["limit", "first", "last"];

export const QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";

export type QueryLimitName = keyof QueryLimits;

const ADVICE = "Ask for less in one operation: fewer nested lists, smaller `limit`s, or split it into several requests.";

/** Reported by the validation rules; answered as QUERY_TOO_COMPLEX (see formatQueryLimitError). */
export class QueryLimitError extends GraphQLError {
  constructor(limit: QueryLimitName, maximum: number, found: number | undefined, what: string) {
    super(`${what} ${ADVICE}`, { extensions: { code: QUERY_TOO_COMPLEX, limit, maximum, ...(found === undefined ? {} : { found }) } });
  }
}

/** Validation rules enforcing `limits` but cost, in the order a person would fix them. */
export function queryLimitRules(limits: QueryLimits = QUERY_LIMITS): ValidationRule[] {
  // graphql-armor reports through these callbacks; its own errors would say "Syntax Error".
  const armor = (limit: QueryLimitName, maximum: number, what: (found: number | undefined) => string) => ({
    n: maximum,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = Number(/found (\d+)/.exec(error.message)?.[1]);
        context?.reportError(new QueryLimitError(limit, maximum, Number.isFinite(found) ? found : undefined, what(found)));
      },
    ],
  });
  return [
    maxDepthRule({
      ...armor("depth", limits.depth, (found) => `This operation is nested ${found} levels deep; the limit is ${limits.depth}.`),
      // A fragment is a way of writing a selection, not a level of its own.
      flattenFragments: true,
    }),
    maxAliasesRule(armor("aliases", limits.aliases, (found) => `This operation uses ${found} aliases; the limit is ${limits.aliases}.`)),
    maxDirectivesRule(armor("directives", limits.directives, (found) => `This operation uses ${found} directives; the limit is ${limits.directives}.`)),
  ];
}

/** Apollo's `parseOptions`: graphql-js stops reading a document after this many tokens. */
export function queryParseOptions(limits: QueryLimits = QUERY_LIMITS) {
  return { maxTokens: limits.tokens };
}

// graphql-js spells it "more that" (16.x); either spelling is ours to translate.
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] (\d+) tokens/;

/**
 * The answer for an operation refused by a limit, or undefined for any other error.
 * Apollo files validation and parse errors under its own codes; these get ours.
 */
export function formatQueryLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  // Validation rules' errors arrive wrapped; the cost check's as thrown.
  const original = error instanceof QueryLimitError ? error : error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof QueryLimitError) {
    const { http: _status, ...extensions } = original.extensions;
    return { message: original.message, locations: formatted.locations, extensions };
  }
  const tokens = formatted.extensions?.code === "GRAPHQL_PARSE_FAILED" ? TOKEN_LIMIT_MESSAGE.exec(formatted.message) : null;
  if (tokens) {
    const limit = new QueryLimitError("tokens", Number(tokens[1]), undefined, `This operation is longer than ${tokens[1]} tokens.`);
    return { message: limit.message, extensions: limit.extensions };
  }
  return undefined;
}

/**
 * The error for an operation that costs more than `maximum` with these variables, or undefined.
 * Answered with HTTP 400, as the validation rules' refusals are.
 */
export function operationCostError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maximum: number = QUERY_LIMITS.cost,
): QueryLimitError | undefined {
  const cost = operationCost(schema, document, operation, variables);
  if (cost <= maximum) return undefined;
  const error = new QueryLimitError("cost", maximum, cost, `This operation could resolve about ${cost} objects; the limit is ${maximum}.`);
  error.extensions.http = { status: 400 };
  return error;
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragmentDefinitions = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  // A fragment's cost depends only on the page size it is spread under: each is counted once.
  const fragments = new Map<string, number>();
  const inProgress = new Set<string>();

  function selectionCost(set: SelectionSetNode, type: GraphQLCompositeType, pageSize: number | undefined): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, type, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) total += selectionCost(selection.selectionSet, on, pageSize);
      } else {
        const name = selection.name.value;
        const key = `${name}|${pageSize ?? ""}`;
        const fragment = fragmentDefinitions.get(name);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !on || !isCompositeType(on) || inProgress.has(name)) continue;
        if (!fragments.has(key)) {
          inProgress.add(name);
          fragments.set(key, selectionCost(fragment.selectionSet, on, pageSize));
          inProgress.delete(name);
        }
        total += fragments.get(key)!;
      }
    }
    return total;
  }

  function fieldCost(field: FieldNode, parent: GraphQLCompositeType, pageSize: number | undefined): number {
    if (!field.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
    const definition = parent.getFields()[field.name.value];
    if (!definition) return 0;
    const named = getNamedType(definition.type);
    if (!isCompositeType(named)) return 0;
    const own = limitArgument(field, definition, operation, variables);
    const isList = isListType(getNullableType(definition.type));
    const size = isList ? (own ?? pageSize ?? UNBOUNDED_LIST_SIZE) : 1;
    // A page's `limit` sizes the lists directly inside it (SessionPage.items).
    return size * (1 + selectionCost(field.selectionSet, named, isList ? undefined : own));
  }

  return selectionCost(operation.selectionSet, root, undefined);
}

/**
 * A paged field's `limit`: as written, or the variable's value in this request (else the
 * variable's default, else the argument's); the default page when none is given.
 */
function limitArgument(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number | undefined {
  // `limit` pages SessionPage; `first` or `last` a connection (its edges).
  const sizing = definition.args.filter((a) => PAGE_SIZE_ARGUMENTS.includes(a.name));
  if (sizing.length === 0) return undefined;
  const isSet = (node: ValueNode): boolean => {
    if (node.kind !== Kind.VARIABLE) return node.kind !== Kind.NULL;
    const name = node.name.value;
    if (name in variables) return variables[name] != null;
    return operation.variableDefinitions?.some((v) => v.variable.name.value === name && v.defaultValue && v.defaultValue.kind !== Kind.NULL) ?? false;
  };
  const given = field.arguments?.find((a) => PAGE_SIZE_ARGUMENTS.includes(a.name.value) && isSet(a.value));
  const argument = sizing.find((a) => a.name === given?.name.value) ?? sizing[0]!;
  const value = given?.value;
  let limit: unknown = typeof argument.defaultValue === "number" ? argument.defaultValue : undefined;
  if (value?.kind === Kind.INT) limit = Number.parseInt(value.value, 10);
  else if (value?.kind === Kind.VARIABLE) {
    const name = value.name.value;
    const fallback = operation.variableDefinitions?.find((v) => v.variable.name.value === name)?.defaultValue;
    if (name in variables) limit = variables[name];
    else if (fallback?.kind === Kind.INT) limit = Number.parseInt(fallback.value, 10);
  }
  if (limit === undefined || limit === null) return DEFAULT_PAGE_SIZE;
  // Anything but a whole number is refused when the variables are coerced, right after this
  // check: count it as the largest page. Larger pages are refused by the domain with its own
  // message; they count as the largest too.
  if (typeof limit !== "number" || !Number.isInteger(limit)) return MAX_PAGE_SIZE;
  return Math.min(Math.max(limit, 0), MAX_PAGE_SIZE);
}
