/**
 * GraphQL operations and small helpers shared by the API contract tests
 * (api/graphql/*.test.ts). The operations are written the way an integrator would.
 */
import { expect } from "vitest";
import { graphQLText, type GraphQLDocument, type GraphQLResponse, type TestApp } from "./test-app.js";
import type { TestClock } from "./test-clock.js";
import { graphql } from "./__generated__/index.js";

export const SESSION_FIELDS = graphql(`
  fragment SessionFields on LiveSession {
    id
    expertId
    expertName
    expertAvatar
    expert { id name isExpert }
    title
    description
    thumbnail
    sessionType
    scheduledStartTime
    scheduledEndTime
    actualStartTime
    actualEndTime
    maxParticipants
    seatsLeft
    currentViewers
    price
    currency
    isFree
    status
    hmsDetails { roomId roomCode sessionId recordingId }
    recordingS3Key
    recordedLessonId
    recordingAvailable
    enrolledCount
    attendedCount
    metadata { category difficulty equipment tags }
    featured
    viewerEnrollment { id participantId userId }
    participants { id participantId userId userName userEmail userAvatar paid }
    createdAt
    updatedAt
  }
`);

export const ENROLLMENT_FIELDS = graphql(`
  fragment EnrollmentFields on Enrollment {
    id
    participantId
    sessionId
    userId
    userName
    userEmail
    userAvatar
    enrolledAt
    attended
    joinedAt
    leftAt
    watchTime
    paid
    paymentId
    paymentGateway
    amountPaid
    chatMessages
    feedbackRating
    feedbackComment
    createdAt
    updatedAt
    session { id enrolledCount seatsLeft status }
  }
`);

export const CREATE_SESSION = graphql(`
  mutation CreateSession($input: CreateSessionInput!) {
    createSession(input: $input) { ...SessionFields }
  }
`);

export const LIST_SESSIONS = graphql(`
  query Sessions($status: SessionStatus, $expertId: ID, $featured: Boolean, $limit: Int, $skip: Int) {
    sessions(status: $status, expertId: $expertId, featured: $featured, limit: $limit, skip: $skip) {
      total
      limit
      skip
      items { ...SessionFields }
    }
  }
`);

export const GET_SESSION = graphql(`
  query Session($id: ID!) {
    session(id: $id) { ...SessionFields }
  }
`);

export const START_SESSION = graphql(`
  mutation StartSession($id: ID!) {
    startSession(id: $id) {
      roomId
      roomCode
      sessionUrl
      session { id status actualStartTime hmsDetails { roomId roomCode } }
    }
  }
`);

export const ENROLL = graphql(`
  mutation Enroll($sessionId: ID!, $payment: PaymentInput) {
    enroll(sessionId: $sessionId, payment: $payment) { ...EnrollmentFields }
  }
`);

export const JOIN_TOKEN = graphql(`
  mutation JoinToken($sessionId: ID!) {
    joinToken(sessionId: $sessionId) { token role userName expiresAt }
  }
`);

export const END_SESSION = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id) {
      sessionId
      duration
      session { id status actualStartTime actualEndTime currentViewers }
    }
  }
`);

export const CANCEL_SESSION = graphql(`
  mutation CancelSession($id: ID!) {
    cancelSession(id: $id) { id status updatedAt }
  }
`);

export const ME = graphql(`
  query Me { me { id name email avatar roles isExpert } }
`);

/** Variables for createSession: a valid GROUP session starting `inHours` after the clock's now, lasting an hour. */
export function createInput(clock: TestClock, overrides: Record<string, unknown> = {}, inHours = 24): Record<string, unknown> {
  const start = new Date(clock.now().getTime() + inHours * 3_600_000);
  return {
    title: "Morning Vinyasa Flow",
    description: "Start your day with an energizing vinyasa practice",
    sessionType: "GROUP",
    scheduledStartTime: start.toISOString(),
    scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString(),
    maxParticipants: 20,
    price: 0,
    currency: "INR",
    ...overrides,
  };
}

type Caller = Parameters<TestApp["gql"]>[2];

/** Creates a session through GraphQL (as `as`, default deepak) starting `inHours` from now, and returns its id. */
export async function createSessionId(
  app: TestApp,
  overrides: Record<string, unknown> = {},
  inHours = 24,
  as: Caller = "deepak",
): Promise<string> {
  const data = await app.gqlOk(CREATE_SESSION, { input: createInput(app.clock, overrides, inHours) }, as);
  return data.createSession.id;
}

/**
 * Asserts the response failed with exactly one error carrying `code`, whose message
 * contains `phrase`, and that no data leaked for the failed root field. Returns the error.
 */
export function expectGqlError(
  res: GraphQLResponse,
  code: string,
  phrase: RegExp,
): { message: string; path?: string[]; extensions?: Record<string, any> } {
  expect(res.errors, `expected a ${code} error, got data ${JSON.stringify(res.data)}`).toBeDefined();
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  expect(error!.extensions?.code, JSON.stringify(error)).toBe(code);
  expect(error!.message).toMatch(phrase);
  // Words for a person, never a stack trace, an error class or a serialised object.
  expect(error!.message).not.toMatch(/\n\s+at |Error:|undefined|\[object|DomainError/);
  return error!;
}

/** The payload of a JWT, decoded without verification. */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const parts = token.split(".");
  expect(parts).toHaveLength(3);
  return JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
}

/** The JOSE header of a JWT. */
export function decodeJwtHeader(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString("utf8")) as Record<string, unknown>;
}

/** A raw POST /graphql with any headers, for the auth tests. */
export async function postGraphQL(
  app: TestApp,
  document: GraphQLDocument,
  headers: Record<string, string>,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse> {
  const query = graphQLText(document);
  const res = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse, "status" | "headers">;
  return { status: res.status, headers: res.headers, ...body };
}
