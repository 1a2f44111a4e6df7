/**
 * Input schemas shared by every face of the API (GraphQL, REST, web forms). They check
 * shape and bounds; rules that need the clock or the database live in the services.
 */
import { z } from "zod";
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MAX_PRICE,
  MAX_SEATS,
  PAYMENT_GATEWAYS,
  SESSION_ORDERS,
  SESSION_STATUSES,
  SESSION_TYPES,
} from "./session-values.js";
import { isCurrencyCode, minorUnitDigits } from "./currency.js";
import { refuseUnsafeText } from "../text-rules.js";

const text = (field: string, min: number, max: number) =>
  refuseUnsafeText(
    z
      .string({ error: `${field} must be text` })
      .trim()
      .min(min, { error: min === 1 ? `${field} is required` : `${field} must be at least ${min} characters` })
      .max(max, { error: `${field} must be at most ${max} characters` }),
    field,
  );

const label = (field: string) => text(field, 1, 50);

const isoInstant = (field: string) =>
  z.iso
    .datetime({ offset: true, error: `${field} must be an ISO-8601 date and time with a time zone, like 2025-11-01T08:00:00Z` })
    .transform((v) => new Date(v));

const httpUrl = (field: string) =>
  refuseUnsafeText(z.string({ error: `${field} must be a URL` }).trim().max(2048, { error: `${field} must be at most 2048 characters` }), field)
    .pipe(z.url({ protocol: /^https?$/, error: `${field} must be an http(s) URL` }));

export const sessionMetadataSchema = z.strictObject(
  {
    category: label("metadata.category").optional(),
    difficulty: label("metadata.difficulty").optional(),
    equipment: z.array(label("metadata.equipment item"), { error: "metadata.equipment must be a list" }).max(20, { error: "metadata.equipment can list at most 20 items" }).optional(),
    tags: z.array(text("metadata.tags item", 1, 30), { error: "metadata.tags must be a list" }).max(20, { error: "metadata.tags can list at most 20 tags" }).optional(),
  },
  { error: (i) => (i.code === "unrecognized_keys" ? `metadata accepts only category, difficulty, equipment and tags` : "metadata must be an object") },
);

export const createSessionInput = z
  .strictObject(
    {
      title: text("title", 3, 120),
      description: text("description", 0, 5000).default(""),
      sessionType: z.enum(SESSION_TYPES, { error: `sessionType must be one of ${SESSION_TYPES.join(", ")}` }).default("group"),
      scheduledStartTime: isoInstant("scheduledStartTime"),
      scheduledEndTime: isoInstant("scheduledEndTime"),
      maxParticipants: z
        .number({ error: "maxParticipants must be a number" })
        .int({ error: "maxParticipants must be a whole number" })
        .min(1, { error: "maxParticipants must be at least 1" })
        .max(MAX_SEATS, { error: `maxParticipants can be at most ${MAX_SEATS}` })
        .nullish(),
      price: z
        .number({ error: "price must be a number" })
        .min(0, { error: "price cannot be negative" })
        .max(MAX_PRICE, { error: `price can be at most ${MAX_PRICE}` })
        .default(0),
      currency: z
        .string({ error: "currency must be a three-letter ISO-4217 code" })
        .trim()
        .toUpperCase()
        .refine(isCurrencyCode, { error: "currency must be an ISO-4217 code such as INR, USD or EUR" })
        .default("INR"),
      thumbnail: httpUrl("thumbnail").nullish(),
      metadata: sessionMetadataSchema.nullish(),
      featured: z.boolean({ error: "featured must be true or false" }).optional(),
    },
    { error: (i) => (i.code === "unrecognized_keys" ? `Unknown field(s): ${i.keys.join(", ")}` : "The session must be an object") },
  )
  .superRefine((v, ctx) => {
    const digits = Math.min(2, minorUnitDigits(v.currency));
    if (!hasAtMostDecimals(v.price, digits)) {
      ctx.addIssue({
        code: "custom",
        path: ["price"],
        message: digits === 0 ? `price in ${v.currency} must be a whole number` : `price can have at most ${digits} decimals`,
      });
    }
    if (v.sessionType === "1-on-1" && v.maxParticipants != null && v.maxParticipants !== 1) {
      ctx.addIssue({ code: "custom", path: ["maxParticipants"], message: "a 1-on-1 session has exactly one seat" });
    }
  });

export type CreateSessionInput = z.output<typeof createSessionInput>;

/**
 * What an expert may change about a scheduled session: what it says, when it is, how many
 * seats. Its type, price and currency stay as published (students paid or decided on them).
 * Every field is optional; `maxParticipants: null` removes the cap; `thumbnail: null` removes it.
 */
export const updateSessionInput = z.strictObject(
  {
    title: text("title", 3, 120).optional(),
    description: text("description", 0, 5000).optional(),
    scheduledStartTime: isoInstant("scheduledStartTime").optional(),
    scheduledEndTime: isoInstant("scheduledEndTime").optional(),
    maxParticipants: z
      .number({ error: "maxParticipants must be a number" })
      .int({ error: "maxParticipants must be a whole number" })
      .min(1, { error: "maxParticipants must be at least 1" })
      .max(MAX_SEATS, { error: `maxParticipants can be at most ${MAX_SEATS}` })
      .nullable()
      .optional(),
    thumbnail: httpUrl("thumbnail").nullable().optional(),
    metadata: sessionMetadataSchema.nullable().optional(),
  },
  {
    error: (i) =>
      i.code === "unrecognized_keys"
        ? `Unknown field(s): ${i.keys.join(", ")}${i.keys.some((k) => ["sessionType", "price", "currency"].includes(k)) ? " (a session's type, price and currency cannot change once it is published)" : ""}`
        : "The changes must be an object",
  },
);

export type UpdateSessionInput = z.output<typeof updateSessionInput>;

/** Whole numbers, given as numbers (GraphQL, JSON) or digit strings (query strings). */
const wholeNumber = (field: string, min: number, max: number) =>
  z
    .union([z.number(), z.string()], { error: `${field} must be a whole number between ${min} and ${max}` })
    // Documents (OpenAPI) what the transform below enforces.
    .meta({ wholeNumber: { minimum: min, maximum: max } })
    .transform((v, ctx) => {
      const n = typeof v === "number" ? v : /^\s*-?\d+\s*$/.test(v) ? Number(v) : Number.NaN;
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${field} must be a whole number between ${min} and ${max}` });
        return z.NEVER;
      }
      return n;
    });

const booleanFlag = (field: string) =>
  z.union([z.boolean(), z.enum(["true", "false"])], { error: `${field} must be true or false` }).transform((v) => v === true || v === "true");

/** More words than this narrow nothing a person would notice; the rest are ignored. */
const MAX_SEARCH_WORDS = 8;

/**
 * A search box's text, as the words to find: runs of letters and digits, lower-cased,
 * each matched as the start of a word (so "vinya" finds "Vinyasa"). Empty means no search.
 */
const searchText = refuseUnsafeText(
  z.string({ error: "search must be text" }).trim().max(100, { error: "search must be at most 100 characters" }),
  "search",
).transform((v, ctx) => {
  if (v === "") return undefined;
  const words = v.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) {
    ctx.addIssue({ code: "custom", message: "search needs at least one letter or digit" });
    return z.NEVER;
  }
  return words.slice(0, MAX_SEARCH_WORDS);
});

export const listSessionsInput = z.object({
  status: z.enum(SESSION_STATUSES, { error: `status must be one of ${SESSION_STATUSES.join(", ")}` }).nullish(),
  expertId: refuseUnsafeText(
    z.string({ error: "expertId must be text" }).trim().min(1, { error: "expertId cannot be empty" }).max(64, { error: "expertId is too long" }),
    "expertId",
  ).nullish(),
  featured: booleanFlag("featured").nullish(),
  category: label("category").nullish(),
  difficulty: label("difficulty").nullish(),
  search: searchText.nullish(),
  limit: wholeNumber("limit", 1, MAX_PAGE_SIZE).nullish().transform((v) => v ?? DEFAULT_PAGE_SIZE),
  skip: wholeNumber("skip", 0, 1_000_000).nullish().transform((v) => v ?? 0),
});

export type ListSessionsInput = z.output<typeof listSessionsInput>;


const cursorText = (field: string) => text(field, 1, 200);

/** `sessionsConnection`'s arguments: Relay's first/after or last/before, a filter, an order. */
export const sessionsConnectionInput = z
  .object({
    first: wholeNumber("first", 1, MAX_PAGE_SIZE).nullish(),
    after: cursorText("after").nullish(),
    last: wholeNumber("last", 1, MAX_PAGE_SIZE).nullish(),
    before: cursorText("before").nullish(),
    filter: z
      .strictObject(
        {
          statuses: z
            .array(z.enum(SESSION_STATUSES, { error: `statuses must each be one of ${SESSION_STATUSES.join(", ")}` }))
            .min(1, { error: "statuses cannot be empty: leave it out for every status but cancelled" })
            .nullish(),
          startsAfter: isoInstant("startsAfter").nullish(),
          startsBefore: isoInstant("startsBefore").nullish(),
          expertId: refuseUnsafeText(z.string({ error: "expertId must be text" }).trim().min(1, { error: "expertId cannot be empty" }).max(64, { error: "expertId is too long" }), "expertId").nullish(),
          featured: z.boolean({ error: "featured must be true or false" }).nullish(),
          category: label("category").nullish(),
          difficulty: label("difficulty").nullish(),
          free: z.boolean({ error: "free must be true or false" }).nullish(),
          search: searchText.nullish(),
        },
        { error: (i) => (i.code === "unrecognized_keys" ? `Unknown filter field(s): ${i.keys.join(", ")}` : "filter must be an object") },
      )
      .nullish(),
    orderBy: z.enum(SESSION_ORDERS, { error: `orderBy must be one of ${SESSION_ORDERS.join(", ")}` }).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.first != null && v.last != null) ctx.addIssue({ code: "custom", path: ["last"], message: "give first (with after) or last (with before), not both" });
    if (v.after != null && v.last != null) ctx.addIssue({ code: "custom", path: ["after"], message: "after pages forward: use it with first" });
    if (v.before != null && v.first != null) ctx.addIssue({ code: "custom", path: ["before"], message: "before pages backward: use it with last" });
    const after = v.filter?.startsAfter;
    const before = v.filter?.startsBefore;
    if (after && before && before.getTime() <= after.getTime()) {
      ctx.addIssue({ code: "custom", path: ["filter", "startsBefore"], message: "filter.startsBefore must be after filter.startsAfter" });
    }
  });

export type SessionsConnectionInput = z.output<typeof sessionsConnectionInput>;

/** A forward-only connection's arguments (participants, the viewer's enrollments): Relay's first/after. */
export const forwardPageInput = z.strictObject(
  {
    first: wholeNumber("first", 1, MAX_PAGE_SIZE).nullish(),
    after: cursorText("after").nullish(),
  },
  { error: (i) => (i.code === "unrecognized_keys" ? `Unknown argument(s): ${i.keys.join(", ")}` : "The paging arguments must be an object") },
);

export const paymentInput = z.strictObject(
  {
    paymentId: refuseUnsafeText(
      z.string({ error: "paymentId must be text" }).trim().min(1, { error: "paymentId is required" }).max(255, { error: "paymentId is too long" }),
      "paymentId",
    ),
    paymentGateway: z.enum(PAYMENT_GATEWAYS, { error: `paymentGateway must be one of ${PAYMENT_GATEWAYS.join(", ")}` }),
  },
  { error: (i) => (i.code === "unrecognized_keys" ? `Unknown field(s): ${i.keys.join(", ")}` : "The payment must be an object") },
);

export type PaymentInput = z.output<typeof paymentInput>;

export const sessionIdInput = refuseUnsafeText(
  z
    .string({ error: "The session id must be text" })
    .trim()
    .min(1, { error: "The session id is required" })
    .max(64, { error: "The session id is too long" }),
  "The session id",
);

/**
 * Counted on the number's shortest decimal form (what the client wrote: 0.29, 1e-7), not
 * by scaling, which would need a tolerance and let 1.000000001 through to be rounded.
 */
function hasAtMostDecimals(value: number, digits: number): boolean {
  const [mantissa = "", exponent = "0"] = String(value).toLowerCase().split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return fraction - Number(exponent) <= digits;
}
