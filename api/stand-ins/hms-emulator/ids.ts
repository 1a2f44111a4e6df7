import { randomBytes, randomUUID } from "node:crypto";

/**
 * Identifier and timestamp formats copied from 100ms's doc examples (docs/100ms.md#identifiers).
 *
 * Object ids follow the Mongo ObjectId layout (4-byte seconds, 5 random bytes, 3-byte
 * counter) so that, within one emulator, a later id always sorts after an earlier one.
 * List endpoints rely on that: `start` is an exclusive cursor compared with `>` on ids.
 */
const processRandom = randomBytes(5).toString("hex");
let counter = randomBytes(3).readUIntBE(0, 3);

export function objectId(now: Date = new Date()): string {
  counter = (counter + 1) % 0x1000000;
  const seconds = Math.floor(now.getTime() / 1000).toString(16).padStart(8, "0");
  return seconds + processRandom + counter.toString(16).padStart(6, "0");
}

export const isObjectId = (value: string): boolean => /^[0-9a-f]{24}$/.test(value);

/** Peer ids and webhook event ids are UUID v4 on the real service. */
export const uuid = (): string => randomUUID();

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function letters(n: number): string {
  const bytes = randomBytes(n);
  let out = "";
  for (const b of bytes) out += LETTERS[b % LETTERS.length];
  return out;
}

/** Room codes look like `wpi-srjb-wer`; callers retry on the (unlikely) collision. */
export const roomCodeString = (): string => `${letters(3)}-${letters(4)}-${letters(3)}`;

/** REST timestamps: RFC 3339 UTC; millisecond precision is what the docs mostly show. */
export const rfc3339 = (d: Date): string => d.toISOString();

/** Webhook envelopes carry whole seconds (`2021-11-30T12:58:49Z`). */
export const rfc3339Seconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, "Z");
