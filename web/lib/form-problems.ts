/**
 * The API's field problems in a person's words, keyed by the form's own fields. The API
 * names fields as integrators do (`scheduledStartTime`, `metadata.tags.0`); the form says
 * "The start". Presentation only: which input is wrong is still the API's answer.
 */

/** A form field: the id of its input and what its label says. */
export interface FormField {
  id: string;
  label: string;
}

/** The API's path (its first parts) → the form's field. Item paths (`metadata.tags.0`) fall to their list. */
export function fieldOfPath(path: string, fields: Record<string, FormField>): string | undefined {
  const parts = path.split(".");
  const key = parts[0] === "metadata" ? parts[1] : parts[0];
  return key && key in fields ? key : undefined;
}

/** What people read, for the messages the API gives; others keep its words with the field's label in front. */
const WORDS: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
  [/^scheduledStartTime must be in the future$/, "The start must be in the future."],
  [/^scheduledEndTime must be after scheduledStartTime$/, "The end must be after the start."],
  [/^a session can last at most (\d+) hours$/, (m) => `A class can last at most ${m[1]} hours.`],
  [/^scheduled(Start|End)Time must be an ISO-8601/, (m) => `Choose the ${m[1] === "Start" ? "start" : "end"} date and time.`],
  [/^title is required$|^title must be at least (\d+) characters$/, (m) => (m[1] ? `The title needs at least ${m[1]} characters.` : "Give the class a title.")],
  [/^metadata\.tags item must be at most (\d+) characters$/, (m) => `Each tag can be at most ${m[1]} characters.`],
  [/^metadata\.equipment item must be at most (\d+) characters$/, (m) => `Each item of equipment can be at most ${m[1]} characters.`],
  [/^thumbnail must be an http\(s\) URL$/, "The thumbnail must be a web address starting with https://."],
  [/^maxParticipants must be at least 1$/, "Seats must be at least 1, or leave it empty for no limit."],
  [/^maxParticipants can be at most (\d+)$/, (m) => `Seats can be at most ${m[1]}.`],
  [/^a 1-on-1 session has exactly one seat$/, "A 1-on-1 class has exactly one seat: leave Seats empty or 1."],
  [/^price cannot be negative$/, "The price cannot be negative (0 makes the class free)."],
  // The webhook endpoint form (app.live.webhooks): the receiver's address and its events.
  [/^url is required$/, "Enter the address that should receive the events."],
  [/^url must be an absolute URL/, "Enter the whole web address, such as https://example.com/webhooks."],
  [/^url must start with https:\/\/ \(or http:\/\/ outside production\)$/, "The address must start with https:// (http:// is accepted on this test server)."],
  [/^url must start with https:\/\/$/, "The address must start with https://."],
  [/^url must not carry a user name or password/, "Leave the user name and password out of the address: receivers check the signature instead."],
  [/^url refused: (.+?)(?:: webhooks go to public addresses only)?$/, (m) => `This address cannot receive webhooks: ${m[1]}. Use an address on the public internet.`],
  [/^events must name at least one event type$/, "Choose at least one event."],
];

export function inPeoplesWords(message: string, field: FormField): string {
  for (const [pattern, words] of WORDS) {
    const m = message.match(pattern);
    if (m) return typeof words === "string" ? words : words(m);
  }
  // An API message starts with its field's name: say the label instead.
  const said = message.replace(/^[a-zA-Z.]+(?= )/, field.label);
  return /[.?!]$/.test(said) ? said : `${said}.`;
}

/** The form's problems, one per field (the API's first for it), in the form's order. */
export function formProblems(apiFields: Record<string, string> | undefined, fields: Record<string, FormField>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(apiFields ?? {})) {
    const key = fieldOfPath(path, fields);
    if (key && !out[key]) out[key] = inPeoplesWords(message, fields[key]!);
  }
  return Object.fromEntries(Object.keys(fields).filter((k) => out[k]).map((k) => [k, out[k]!]));
}
