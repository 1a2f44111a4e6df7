/** A participant's rating of a session, as every face of the API accepts it. */
import { z } from "zod";
import { refuseUnsafeText } from "../text-rules.js";

export const MAX_FEEDBACK_COMMENT = 2000;

export const feedbackInput = z.strictObject(
  {
    rating: z
      .number({ error: "rating must be a whole number from 1 to 5" })
      .int({ error: "rating must be a whole number from 1 to 5" })
      .min(1, { error: "rating must be a whole number from 1 to 5" })
      .max(5, { error: "rating must be a whole number from 1 to 5" }),
    comment: refuseUnsafeText(
      z
        .string({ error: "comment must be text" })
        .trim()
        .max(MAX_FEEDBACK_COMMENT, { error: `comment must be at most ${MAX_FEEDBACK_COMMENT} characters` }),
      "comment",
    )
      .nullish()
      .transform((v) => (v ? v : null)),
  },
  { error: (i) => (i.code === "unrecognized_keys" ? `Unknown field(s): ${i.keys.join(", ")}` : "The feedback must be an object with a rating") },
);

export type FeedbackInput = z.output<typeof feedbackInput>;
