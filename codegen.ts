import type { CodegenConfig } from "@graphql-codegen/cli";

/** The schema the server builds from; the generated GraphQL client below uses what it serves instead. */
const SCHEMA = "./schema.graphql";
/** The GraphQL client test: typed by the served schema (introspection), as an integrator's client is. */
const CLIENT_TEST = "./api/graphql/generated-client.test.ts";

const config: CodegenConfig = {
  ignoreNoDocuments: true,
  generates: {
    // Typed documents for the web app's operations (written next to the routes that use them).
    "./web/graphql/__generated__/": {
      schema: SCHEMA,
      documents: ["./web/**/*.{ts,tsx}", "!./web/graphql/__generated__/**"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, strictScalars: true, scalars: { DateTime: "string", JSON: "unknown" } },
    },
    // Typed documents for the API tests: a result shape that drifts from the schema fails the typecheck.
    "./api/test-support/__generated__/": {
      schema: SCHEMA,
      documents: ["./api/**/*.test.ts", "./api/test-support/*.ts", `!${CLIENT_TEST}`],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, strictScalars: true, scalars: { DateTime: "string", JSON: "unknown" } },
    },
    // The generated GraphQL client, as an integrator makes one: from the introspection answer of the
    // server (written first by `npm run codegen`, api/test-support/generate-served-schema.ts) and the
    // client test's documents. api/graphql/generated-client.test.ts checks the running app serves that schema.
    "./api/test-support/__generated__/served-client/": {
      schema: "./api/test-support/__generated__/served-schema.graphql",
      documents: [CLIENT_TEST],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, strictScalars: true, scalars: { DateTime: "string", JSON: "unknown" } },
    },
    "./api/graphql/__generated__/resolvers-types.ts": {
      schema: SCHEMA,
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useIndexSignature: true,
        useTypeImports: true,
        strictScalars: true,
        // Dates arrive as the caller wrote them (the domain validates them) and leave as Dates.
        scalars: { DateTime: { input: "string", output: "Date | string" }, JSON: "unknown" },
        // GraphQL enum values map to the seed's spellings stored in the database.
        enumValues: {
          SessionStatus: "../enum-values.js#SessionStatus",
          SessionType: "../enum-values.js#SessionType",
          VideoRole: "../enum-values.js#VideoRole",
          PaymentGateway: "../enum-values.js#PaymentGateway",
          RefusalCode: "../enum-values.js#RefusalCode",
          WebhookDeliveryStatus: "../enum-values.js#WebhookDeliveryStatus",
          SessionOrder: "../enum-values.js#SessionOrder",
        },
        // Resolvers receive database rows; codegen checks every field they must derive.
        mappers: {
          LiveSession: "../../db/schema.js#SessionRow",
          Enrollment: "../../db/schema.js#ParticipantRow",
          User: "../../db/schema.js#UserRow",
          HmsDetails: "../../db/schema.js#SessionRow",
          StartSessionResult: "../../domain/sessions/session-service.js#StartedSession",
          EndSessionResult: "../../domain/sessions/session-service.js#EndedSession",
          JoinToken: "../../domain/sessions/enrollment-service.js#IssuedJoinToken",
          RecordingLink: "../../domain/recordings/recording-service.js#RecordingPlayback",
          SessionFeedback: "../../domain/feedback/feedback-rules.js#FeedbackSummary",
          FeedbackComment: "../../domain/feedback/feedback-rules.js#FeedbackEntry",
          SessionPermissions: "../../domain/sessions/session-permissions.js#SessionPermissions as SessionPermissionsModel",
          Ability: "../../domain/sessions/session-permissions.js#Ability as AbilityModel",
          Refund: "../../db/schema.js#RefundRow",
          WaitlistPlace: "../../db/schema.js#WaitlistEntryRow",
          CancelEnrollmentResult: "../../domain/sessions/booking-service.js#CancelledBooking",
          ExpertProfile: "../../domain/users/expert-profile.js#ExpertProfile as ExpertProfileModel",
          WebhookEndpoint: "../../db/schema.js#WebhookEndpointRow",
          WebhookEndpointSecret: "../../domain/webhooks-out/endpoint-service.js#EndpointWithSecret",
          WebhookDelivery: "../../domain/webhooks-out/endpoint-service.js#DeliveryLogEntry",
          WebhookDeliveryAttempt: "../../db/schema.js#WebhookDeliveryAttemptRow",
        },
        contextType: "../context.js#GraphQLContext",
      },
    },
  },
};

export default config;
