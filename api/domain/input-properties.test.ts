/**
 * Properties of the domain's input schemas (the ones GraphQL, REST and the webhook share),
 * checked with fast-check on generated input rather than on examples: valid input parses
 * and round-trips, every bound is enforced with a message naming its field, the refused
 * characters are refused wherever they hide, and parsing never throws anything but the
 * one BAD_USER_INPUT error, whatever it is given.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hmsDelivery } from "../webhooks/hms-room-event.js";
import { DomainError, isDomainError } from "./errors.js";
import { feedbackInput } from "./feedback/feedback-input.js";
import { parseInput } from "./parse-input.js";
import { minorUnitDigits } from "./sessions/currency.js";
import { createSessionInput, listSessionsInput, paymentInput, sessionIdInput } from "./sessions/session-input.js";
import { MAX_PAGE_SIZE, MAX_PRICE, MAX_SEATS, PAYMENT_GATEWAYS, SESSION_TYPES } from "./sessions/session-values.js";
import { textProblem } from "./text-rules.js";

// ---------------------------------------------------------------------------------------
// Generators

const isRefusedCodePoint = (cp: number) =>
  (cp >= 0xd800 && cp <= 0xdfff) ||
  (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
  (cp >= 0x7f && cp <= 0x9f) ||
  (cp >= 0x202a && cp <= 0x202e) ||
  (cp >= 0x2066 && cp <= 0x2069);

/** Any character of any script a person could type, tab and line breaks included. */
const typedChar = fc
  .oneof(
    // Weighted towards what titles are made of, but reaching every plane.
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.integer({ min: 0xa0, max: 0x2fff }),
    fc.integer({ min: 0x3000, max: 0xffff }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
    fc.constantFrom(0x09, 0x0a, 0x0d, 0x0301, 0x200d, 0x200e, 0x200f, 0x1f9d8),
  )
  .filter((cp) => !isRefusedCodePoint(cp))
  .map((cp) => String.fromCodePoint(cp));
const visibleChar = typedChar.filter((c) => !/\s/.test(c));

const codePoints = (s: string) => [...s].length;

/** Text as the schema keeps it (trimmed), `min`–`max` characters long. */
const text = (min: number, max: number) =>
  fc
    .string({ unit: typedChar, minLength: min, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => codePoints(s) >= min && codePoints(s) <= max);

/** Characters the text fields refuse, one of each kind. */
const refusedChar = fc
  .oneof(
    fc.integer({ min: 0x00, max: 0x08 }),
    fc.integer({ min: 0x0e, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
    fc.integer({ min: 0x202a, max: 0x202e }),
    fc.integer({ min: 0x2066, max: 0x2069 }),
  )
  .map((cp) => String.fromCharCode(cp));

const CURRENCIES = ["INR", "USD", "EUR", "GBP", "JPY", "KRW", "KWD", "BHD"] as const;
const allowedDecimals = (currency: string) => Math.min(2, minorUnitDigits(currency));

/** An ISO-8601 instant written with a random offset, for the same moment. */
const isoAt = (date: Date, offsetMinutes: number): string => {
  if (offsetMinutes === 0) return date.toISOString();
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
};
const offset = fc.constantFrom(0, 330, -300, 545, -720, 840, 60);

const validCreate = fc
  .record({
    title: text(3, 120),
    description: fc.option(text(0, 5000), { nil: undefined }),
    sessionType: fc.constantFrom(...SESSION_TYPES),
    start: fc.date({ min: new Date("2030-01-16T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true }),
    lengthMs: fc.integer({ min: 60_000, max: 6 * 3_600_000 }),
    startOffset: offset,
    endOffset: offset,
    maxParticipants: fc.option(fc.integer({ min: 1, max: MAX_SEATS }), { nil: undefined }),
    currency: fc.constantFrom(...CURRENCIES),
    priceMinor: fc.integer({ min: 0, max: MAX_PRICE * 100 }),
    thumbnail: fc.option(fc.webUrl({ validSchemes: ["http", "https"] }).filter((u) => u.length <= 2048), { nil: undefined }),
    metadata: fc.option(
      fc.record(
        {
          category: text(1, 50),
          difficulty: text(1, 50),
          equipment: fc.array(text(1, 50), { maxLength: 20 }),
          tags: fc.array(text(1, 30), { maxLength: 20 }),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  })
  .map((g) => {
    const digits = allowedDecimals(g.currency);
    const end = new Date(g.start.getTime() + g.lengthMs);
    return {
      title: g.title,
      description: g.description,
      sessionType: g.sessionType,
      scheduledStartTime: isoAt(g.start, g.startOffset),
      scheduledEndTime: isoAt(end, g.endOffset),
      maxParticipants: g.sessionType === "1-on-1" ? 1 : g.maxParticipants,
      // Whole minor units at most, and never above the maximum.
      price: Math.min(MAX_PRICE, Math.floor(g.priceMinor / 10 ** (2 - digits)) / 10 ** digits),
      currency: g.currency,
      thumbnail: g.thumbnail,
      metadata: g.metadata,
      expect: { start: g.start, end },
    };
  });

const withoutExpect = ({ expect: _e, ...input }: { expect: unknown } & Record<string, unknown>) => input;

/** What parseInput threw, as the BAD_USER_INPUT fields; fails the test on anything else. */
function refusal(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(isDomainError(error), String(error)).toBe(true);
    expect((error as DomainError).code).toBe("BAD_USER_INPUT");
    return (error as DomainError).details.fields ?? [];
  }
  throw new Error("expected the input to be refused");
}

// ---------------------------------------------------------------------------------------

describe("createSessionInput", () => {
  it("accepts any valid session, keeps every value, and parses its own output to the same thing", () => {
    fc.assert(
      fc.property(validCreate, (generated) => {
        const input = withoutExpect(generated);
        const out = parseInput(createSessionInput, input);
        expect(out.title).toBe(input.title);
        expect(out.description).toBe(input.description ?? "");
        expect(out.sessionType).toBe(input.sessionType);
        expect(out.scheduledStartTime.getTime()).toBe(generated.expect.start.getTime());
        expect(out.scheduledEndTime.getTime()).toBe(generated.expect.end.getTime());
        expect(out.price).toBe(input.price);
        expect(out.currency).toBe(input.currency);
        expect(out.maxParticipants ?? undefined).toBe(input.maxParticipants);
        expect(out.metadata ?? undefined).toEqual(input.metadata);
        const again = parseInput(createSessionInput, {
          ...out,
          scheduledStartTime: out.scheduledStartTime.toISOString(),
          scheduledEndTime: out.scheduledEndTime.toISOString(),
        });
        expect(again).toEqual(out);
      }),
    );
  });

  const BOUNDS: [field: string, path: string, max: number, place: (s: string) => Record<string, unknown>][] = [
    ["title", "title", 120, (s) => ({ title: s })],
    ["description", "description", 5000, (s) => ({ description: s })],
    ["metadata.category", "metadata.category", 50, (s) => ({ metadata: { category: s } })],
    ["metadata.difficulty", "metadata.difficulty", 50, (s) => ({ metadata: { difficulty: s } })],
    ["metadata.equipment item", "metadata.equipment.0", 50, (s) => ({ metadata: { equipment: [s] } })],
    ["metadata.tags item", "metadata.tags.0", 30, (s) => ({ metadata: { tags: [s] } })],
    ["thumbnail", "thumbnail", 2048, (s) => ({ thumbnail: `https://example.com/${encodeURIComponent(s)}`.padEnd(2049, "x") })],
  ];

  it.each(BOUNDS)("refuses a %s longer than its bound, with a message naming it", (field, path, max, place) => {
    fc.assert(
      fc.property(validCreate, fc.string({ unit: visibleChar, minLength: max + 1, maxLength: max + 40 }), (valid, long) => {
        const fields = refusal(() => parseInput(createSessionInput, { ...withoutExpect(valid), ...place(long) }));
        expect(fields).toContainEqual({ path, message: `${field} must be at most ${max} characters` });
      }),
      { numRuns: 30 },
    );
  });

  it("accepts every field at exactly its bound, counted in characters (code points), 4-byte ones too", () => {
    fc.assert(
      fc.property(fc.constantFrom("x", "é", "🧘", "ب"), (ch) => {
        const out = parseInput(createSessionInput, {
          title: ch.repeat(120),
          description: ch.repeat(5000),
          scheduledStartTime: "2030-02-01T08:00:00Z",
          scheduledEndTime: "2030-02-01T09:00:00Z",
          metadata: { category: ch.repeat(50), tags: [ch.repeat(30)] },
        });
        expect(codePoints(out.title)).toBe(120);
      }),
    );
  });

  it("refuses a price with more decimals than its currency allows, and accepts one with as many", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (currency, whole, decimals, lastDigit) => {
          // A double holds 15 significant digits exactly; past that the client's number is not the one sent.
          fc.pre(String(whole).length + decimals <= 15);
          // e.g. 499.0000003: exactly `decimals` digits after the point, the last one not 0.
          const price = Number(`${whole}.${"0".repeat(decimals - 1)}${lastDigit}`);
          const base = { title: "Flow", scheduledStartTime: "2030-02-01T08:00:00Z", scheduledEndTime: "2030-02-01T09:00:00Z", currency };
          const allowed = allowedDecimals(currency);
          const result = createSessionInput.safeParse({ ...base, price });
          if (decimals <= allowed) {
            expect(result.success).toBe(true);
          } else {
            expect(result.success).toBe(false);
            const message = allowed === 0 ? `price in ${currency} must be a whole number` : `price can have at most ${allowed} decimals`;
            expect(result.error!.issues).toContainEqual(expect.objectContaining({ path: ["price"], message }));
          }
        },
      ),
    );
  });

  it("refuses seats and prices outside their bounds, and never rounds them in", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: MAX_SEATS + 1 }), fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n))), (seats) => {
        const fields = refusal(() => parseInput(createSessionInput, { title: "Flow", scheduledStartTime: "2030-02-01T08:00:00Z", scheduledEndTime: "2030-02-01T09:00:00Z", maxParticipants: seats }));
        expect(fields.every((f) => f.path === "maxParticipants" && f.message.startsWith("maxParticipants "))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.double({ max: -Number.MIN_VALUE, noNaN: true }), fc.double({ min: MAX_PRICE, minExcluded: true, noNaN: true })), (price) => {
        const fields = refusal(() => parseInput(createSessionInput, { title: "Flow", scheduledStartTime: "2030-02-01T08:00:00Z", scheduledEndTime: "2030-02-01T09:00:00Z", price }));
        expect(fields.map((f) => f.path)).toContain("price");
      }),
    );
  });

  it("refuses a control character, a lone surrogate or a direction override anywhere in any text field, naming the field", () => {
    const fieldsOf: [string, (s: string) => Record<string, unknown>][] = [
      ["title", (s) => ({ title: s })],
      ["description", (s) => ({ description: s })],
      ["metadata.category", (s) => ({ metadata: { category: s } })],
      ["metadata.tags item", (s) => ({ metadata: { tags: [s] } })],
    ];
    fc.assert(
      fc.property(text(3, 25), refusedChar, fc.nat(), fc.constantFrom(...fieldsOf), (clean, bad, at, [field, place]) => {
        const units = clean.length;
        const i = 1 + (at % (units - 1));
        const dirty = clean.slice(0, i) + bad + clean.slice(i);
        expect(textProblem(dirty)).not.toBeNull();
        const fields = refusal(() =>
          parseInput(createSessionInput, { title: "Flow", scheduledStartTime: "2030-02-01T08:00:00Z", scheduledEndTime: "2030-02-01T09:00:00Z", ...place(dirty) }),
        );
        expect(fields.some((f) => f.message.startsWith(`${field} `) && /control characters|lone UTF-16 surrogate|direction controls/.test(f.message))).toBe(true);
      }),
    );
  });
});

describe("listSessionsInput", () => {
  it("accepts every limit from 1 to 100 and skip from 0 to 1,000,000, as numbers or as query-string digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_PAGE_SIZE }), fc.integer({ min: 0, max: 1_000_000 }), fc.boolean(), (limit, skip, asText) => {
        const out = parseInput(listSessionsInput, asText ? { limit: String(limit), skip: ` ${skip} ` } : { limit, skip });
        expect([out.limit, out.skip]).toEqual([limit, skip]);
      }),
    );
  });

  it("refuses any other limit, naming its bounds", () => {
    const outside = fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: MAX_PAGE_SIZE + 1 }),
      fc.double({ noNaN: false }).filter((n) => !Number.isInteger(n)),
      fc.constantFrom(Number.POSITIVE_INFINITY, -0.5, 1e308, Number.MAX_SAFE_INTEGER + 2),
    );
    fc.assert(
      fc.property(outside, fc.boolean(), (limit, asText) => {
        const fields = refusal(() => parseInput(listSessionsInput, { limit: asText ? String(limit) : limit }));
        expect(fields).toEqual([{ path: "limit", message: "limit must be a whole number between 1 and 100" }]);
      }),
    );
    fc.assert(
      fc.property(fc.string().filter((s) => !/^\s*-?\d+\s*$/.test(s)), (limit) => {
        expect(refusal(() => parseInput(listSessionsInput, { limit }))).toEqual([{ path: "limit", message: "limit must be a whole number between 1 and 100" }]);
      }),
    );
  });

  it("defaults to 20 and 0 when absent or null", () => {
    expect(parseInput(listSessionsInput, {})).toMatchObject({ limit: 20, skip: 0 });
    expect(parseInput(listSessionsInput, { limit: null, skip: null })).toMatchObject({ limit: 20, skip: 0 });
  });
});

describe("the other inputs", () => {
  it("feedback: ratings 1–5 with any comment up to 2000 characters are kept; anything else is refused", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.option(text(0, 2000), { nil: undefined }), (rating, comment) => {
        expect(parseInput(feedbackInput, { rating, comment })).toEqual({ rating, comment: comment ? comment : null });
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.integer().filter((n) => n < 1 || n > 5), fc.double().filter((n) => !Number.isInteger(n)), fc.string()), (rating) => {
        expect(refusal(() => parseInput(feedbackInput, { rating }))).toEqual([{ path: "rating", message: "rating must be a whole number from 1 to 5" }]);
      }),
    );
  });

  it("payment: any reference up to 255 characters with a known gateway is kept; a longer one is refused by name", () => {
    fc.assert(
      fc.property(text(1, 255), fc.constantFrom(...PAYMENT_GATEWAYS), (paymentId, paymentGateway) => {
        expect(parseInput(paymentInput, { paymentId, paymentGateway })).toEqual({ paymentId, paymentGateway });
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: visibleChar, minLength: 256, maxLength: 300 }), (paymentId) => {
        expect(refusal(() => parseInput(paymentInput, { paymentId, paymentGateway: "stripe" }))).toEqual([{ path: "paymentId", message: "paymentId is too long" }]);
      }),
    );
  });

  it("session ids: 1–64 characters of text, anything else refused", () => {
    fc.assert(
      fc.property(fc.string({ unit: visibleChar, minLength: 1, maxLength: 64 }), (id) => {
        expect(parseInput(sessionIdInput, id)).toBe(id);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: visibleChar, minLength: 65, maxLength: 200 }), (id) => {
        expect(refusal(() => parseInput(sessionIdInput, id))).toEqual([{ path: "", message: "The session id is too long" }]);
      }),
    );
  });
});

describe("parsing never throws anything but BAD_USER_INPUT", () => {
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  });
  /** Objects with the schema's own keys (and more), holding anything. */
  const shaped = (keys: string[]) => fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), anything, { maxKeys: keys.length + 2 });
  const SCHEMAS = {
    createSessionInput: [createSessionInput, ["title", "description", "sessionType", "scheduledStartTime", "scheduledEndTime", "maxParticipants", "price", "currency", "thumbnail", "metadata", "featured"]],
    listSessionsInput: [listSessionsInput, ["status", "expertId", "featured", "category", "difficulty", "limit", "skip"]],
    paymentInput: [paymentInput, ["paymentId", "paymentGateway"]],
    feedbackInput: [feedbackInput, ["rating", "comment"]],
    sessionIdInput: [sessionIdInput, []],
  } as const;

  it.each(Object.entries(SCHEMAS))("%s", (_name, [schema, keys]) => {
    fc.assert(
      fc.property(keys.length ? fc.oneof(anything, shaped([...keys])) : anything, (value) => {
        try {
          parseInput(schema as never, value);
        } catch (error) {
          expect(isDomainError(error), String(error)).toBe(true);
          expect((error as DomainError).code).toBe("BAD_USER_INPUT");
          expect((error as DomainError).message).toMatch(/\S/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("100ms webhook deliveries", () => {
    const delivery = fc.record(
      {
        id: fc.oneof(fc.string(), anything),
        type: fc.oneof(fc.constantFrom("peer.join.success", "peer.leave.success", "session.open.success", "session.close.success", "recording.success", "recording.failed", "beam.failure"), anything),
        timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), anything),
        data: fc.oneof(shaped(["room_id", "session_id", "peer_id", "user_id", "role", "joined_at", "left_at", "session_duration", "recording_path", "error_message", "session_started_at"]), anything),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(anything, delivery), (value) => {
        try {
          hmsDelivery(value);
        } catch (error) {
          expect(isDomainError(error), String(error)).toBe(true);
          expect((error as DomainError).code).toBe("BAD_USER_INPUT");
        }
      }),
      { numRuns: 500 },
    );
  });
});
