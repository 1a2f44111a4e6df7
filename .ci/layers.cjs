/**
 * The layer rules of docs/architecture.md ("The layer rules"), checked by dependency-cruiser:
 * `npm run layers` (and .ci/run). A wrong-way import fails the check and names the rule it breaks.
 *
 *   faces (api/graphql, api/rest, api/http, api/webhooks, web/) → api/domain → api/repositories → api/db
 *
 * Type-only imports count for circles (a type circle still ties two modules' changes together) and
 * are allowed only where a rule says so.
 */

/** Where each layer lives (paths from the repository's root). */
const FACES = "^(api/(graphql|rest|http|webhooks)|web)/";
const DOMAIN = "^api/domain/";
const REPOSITORIES = "^api/repositories/";
const DB = "^api/db/";
/** Real services behind the domain's ports. */
const ADAPTERS = "^api/(video|payments|auth|mail|outbound-webhooks)/";
/** Local stand-ins for outside services, and the demo data: the composition root alone chooses them. */
const STAND_INS = ["^api/stand-ins/"];
/** The composition root, and the part of it that picks the payment gateways (called only by it). */
const COMPOSITION = ["^api/composition[.]ts$", "^api/payments/compose-payments[.]ts$"];
/** Tests, and what only tests may use. */
const TESTS = ["[.]test[.]tsx?$", "[.]e2e[.]ts$", "^web/e2e/"];
const TEST_HELPERS = ["^api/test-support/"];
/** Programs run beside the server (benchmarks), which build a whole server as tests do. */
const TOOLS = ["^api/bench/"];

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Two modules that import each other (types included) change together: move what they share into a module both import.",
      from: {},
      to: { circular: true },
    },
    {
      name: "faces-not-to-the-database",
      severity: "error",
      comment:
        "No face holds the database handle or runs a query, not even by type: it reaches data through the request's scope (api/domain/request-scope.ts). It may ask whether an error means the database is away (api/db/availability.ts).",
      from: { path: FACES, pathNot: [...TESTS, ...STAND_INS] },
      to: { path: [REPOSITORIES, DB], pathNot: ["^api/db/(schema|availability)[.]ts$"] },
    },
    {
      name: "faces-name-rows-only",
      severity: "error",
      comment: "A face may name the rows it renders (`import type` from api/db/schema.ts: GraphQL's mappers are rows), never load the schema.",
      from: { path: FACES, pathNot: [...TESTS, ...STAND_INS] },
      to: { path: "^api/db/schema[.]ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "faces-apart",
      severity: "error",
      comment:
        "GraphQL, REST and the webhooks do not reach into each other or into the HTTP app that hosts them (api/http imports them, not the other way round): what two faces share sits below them (api/domain, api/errors-map.ts, api/web-links.ts).",
      from: { path: "^api/(graphql|rest|webhooks)/", pathNot: TESTS },
      to: { path: "^api/(graphql|rest|webhooks|http)/", pathNot: "^api/$1/" },
    },
    {
      name: "domain-not-up",
      severity: "error",
      comment: "The domain knows no face, adapter, stand-in or the composition root: it talks outward only through its ports (api/domain/ports.ts).",
      from: { path: DOMAIN, pathNot: TESTS },
      to: { path: [FACES, ADAPTERS, ...COMPOSITION, ...STAND_INS, "^api/(errors-map|web-links)[.]ts$"] },
    },
    {
      name: "repositories-only-down",
      severity: "error",
      comment: "Repositories are SQL over api/db: no rules (api/domain), no faces.",
      from: { path: REPOSITORIES },
      to: { path: [DOMAIN, FACES, ADAPTERS, ...COMPOSITION, ...STAND_INS] },
    },
    {
      name: "db-is-the-bottom",
      severity: "error",
      comment: "api/db (schema, client, migrations) imports nothing of the layers above it.",
      from: { path: DB, pathNot: TESTS },
      to: { path: [DOMAIN, REPOSITORIES, FACES, ADAPTERS, ...COMPOSITION, ...STAND_INS] },
    },
    {
      name: "stand-ins-only-from-composition",
      severity: "error",
      comment:
        "Local stand-ins run only when the composition root chooses them; production code may name their types (what the web context carries when they run) but never loads them.",
      from: { pathNot: [...COMPOSITION, ...STAND_INS, ...TESTS, ...TEST_HELPERS, ...TOOLS] },
      to: { path: STAND_INS, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "composition-is-the-top",
      severity: "error",
      comment: "Only the entry points (api/main.ts), tools and tests import the composition root; everything else receives what it needs.",
      from: { pathNot: ["^api/main[.]ts$", ...COMPOSITION, ...TESTS, ...TEST_HELPERS, ...TOOLS] },
      to: { path: COMPOSITION },
    },
    {
      name: "web-through-the-graphql-contract",
      severity: "error",
      comment: "The web app imports nothing from api/ at run time; it may name the types of its load context (api/http/web-context.ts) and asks the API everything else through context.gql.",
      from: { path: "^web/", pathNot: TESTS },
      to: { path: "^api/", pathNot: "^api/http/web-context[.]ts$" },
    },
    {
      name: "web-context-types-only",
      severity: "error",
      comment: "The web app takes only types from its load context module (import type).",
      from: { path: "^web/", pathNot: TESTS },
      to: { path: "^api/http/web-context[.]ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "test-helpers-only-from-tests",
      severity: "error",
      comment: "Test helpers (api/test-support/) load vitest and fixtures: production code never imports them.",
      from: { pathNot: [...TESTS, ...TEST_HELPERS, ...TOOLS] },
      to: { path: TEST_HELPERS },
    },
  ],
  options: {
    // Everything the server and the web app are made of; generated and built code is not ours to arrange.
    exclude: { path: ["node_modules", "__generated__", "^build/", "^drizzle/"] },
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: {
      archi: { collapsePattern: "^(api/[^/]+|web)/" },
      text: { highlightFocused: true },
    },
  },
};
