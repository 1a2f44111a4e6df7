/**
 * The examples of the original API document (the seed, kept outside this repo), as the
 * OpenAPI document shows them: its request bodies and its answers, by operationId. Copied
 * as written, except where the seed elides ("...") or predates a field the envelope now
 * carries (`code`): those are completed, and said so in each example's summary.
 * api/rest/openapi-components.test.ts validates every one against its schema.
 */

export interface DocumentedExample {
  summary: string;
  value: unknown;
}

const SEED = "From the API document";

/** The seed's "Create Live Session" request body. */
const createBody = {
  title: "Morning Vinyasa Flow",
  description: "Start your day with an energizing vinyasa practice",
  sessionType: "group",
  scheduledStartTime: "2025-11-01T08:00:00Z",
  scheduledEndTime: "2025-11-01T09:00:00Z",
  maxParticipants: 50,
  price: 499,
  currency: "INR",
  thumbnail: "https://example.com/thumbnail.jpg",
  metadata: {
    category: "Vinyasa",
    difficulty: "Intermediate",
    equipment: ["Yoga Mat", "Blocks"],
    tags: ["morning", "energizing"],
  },
};

const createdSession = {
  id: "abc123",
  expertId: "exp_456",
  expertName: "Deepak Kumar",
  expertAvatar: "https://...",
  title: "Morning Vinyasa Flow",
  description: "...",
  sessionType: "group",
  scheduledStartTime: "2025-11-01T08:00:00Z",
  scheduledEndTime: "2025-11-01T09:00:00Z",
  maxParticipants: 50,
  price: 499,
  currency: "INR",
  status: "scheduled",
  enrolledCount: 0,
  attendedCount: 0,
  currentViewers: 0,
  isFree: false,
  createdAt: "2025-10-31T10:00:00Z",
  updatedAt: "2025-10-31T10:00:00Z",
};

/** Request bodies, by operationId. */
export const REQUEST_EXAMPLES: Record<string, DocumentedExample> = {
  createSession: { summary: SEED, value: createBody },
  enroll: { summary: `${SEED}: a paid seat (omit the body for a free one)`, value: { paymentId: "pay_abc123", paymentGateway: "stripe" } },
};

/** Success answers, by operationId. */
export const RESPONSE_EXAMPLES: Record<string, DocumentedExample> = {
  createSession: {
    summary: SEED,
    value: {
      success: true,
      data: { session: createdSession },
      message: "Live session created successfully. Start the session when ready to generate video room.",
    },
  },
  listSessions: {
    summary: `${SEED} (GET /api/live/sessions?status=live&limit=10); the fields the seed elides with "..." are filled in`,
    value: {
      success: true,
      data: [
        {
          ...createdSession,
          status: "live",
          currentViewers: 25,
          actualStartTime: "2025-11-01T08:01:00Z",
          enrolledCount: 31,
        },
      ],
      total: 45,
    },
  },
  startSession: {
    summary: SEED,
    value: {
      success: true,
      data: { roomId: "674c3dc4c70c30e6b3e9c5d8", roomCode: "pjp-lhyy-zfm", sessionUrl: "http://localhost:3111/app/live/host/abc123" },
      message: "Session started. Click the link to join the video room.",
    },
  },
  enroll: {
    summary: SEED,
    value: { success: true, data: { participantId: "part_xyz789" }, message: "Successfully enrolled in live session" },
  },
  joinToken: {
    summary: SEED,
    value: {
      success: true,
      data: { token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...", role: "host", userName: "Deepak Kumar" },
      message: "Join token generated",
    },
  },
  endSession: {
    summary: SEED,
    value: { success: true, data: { sessionId: "abc123", duration: 65 }, message: "Session ended successfully" },
  },
};

/**
 * The seed's error envelope ("Error message here"), with the `code` every failure now
 * carries, and a bad-input failure with its `fields`: JSON Schema `examples` of Failure.
 */
export const FAILURE_EXAMPLES: unknown[] = [
  { success: false, error: "Error message here", code: "NOT_FOUND" },
  {
    success: false,
    error: "title must be at least 3 characters",
    code: "BAD_USER_INPUT",
    fields: [{ path: "title", message: "title must be at least 3 characters" }],
  },
];
