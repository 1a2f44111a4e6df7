/**
 * The session form, for scheduling a class and for changing one. What a published class
 * cannot change (type, price, currency) is shown but not sent when editing. The server
 * checks everything at once and says it next to each field and in a summary that takes
 * focus (the browser's one-at-a-time bubbles are off).
 */
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { SessionType } from "../graphql/__generated__/graphql";
import { formProblems, type FormField } from "../lib/form-problems";
import { DifficultySelect } from "./difficulty-select";

const TYPES: SessionType[] = ["GROUP", "WORKSHOP", "ONE_ON_ONE"];

const formText = (form: FormData, k: string) => String(form.get(k) ?? "").trim();
const formList = (form: FormData, k: string) => formText(form, k).split(",").map((s) => s.trim()).filter(Boolean);

/** Form values → CreateSessionInput. Times arrive as UTC instants computed in the browser. */
export function createInputFrom(form: FormData) {
  const number = (k: string) => (formText(form, k) === "" ? undefined : Number(formText(form, k)));
  const type = formText(form, "sessionType") as SessionType;
  return {
    ...changesFrom(form),
    sessionType: TYPES.includes(type) ? type : undefined,
    maxParticipants: number("maxParticipants"),
    price: number("price") ?? 0,
    currency: formText(form, "currency") || "INR",
    thumbnail: formText(form, "thumbnail") || undefined,
  };
}

/** Form values → UpdateSessionInput: every field the form shows, emptied ones removed (null). */
export function updateInputFrom(form: FormData) {
  const seats = formText(form, "maxParticipants");
  return {
    ...changesFrom(form),
    maxParticipants: seats === "" ? null : Number(seats),
    thumbnail: formText(form, "thumbnail") || null,
  };
}

function changesFrom(form: FormData) {
  return {
    title: formText(form, "title"),
    description: formText(form, "description"),
    scheduledStartTime: formText(form, "scheduledStartTime"),
    scheduledEndTime: formText(form, "scheduledEndTime"),
    metadata: {
      category: formText(form, "category") || undefined,
      difficulty: formText(form, "difficulty") || undefined,
      equipment: formList(form, "equipment"),
      tags: formList(form, "tags"),
    },
  };
}

/** A published session's values, for the edit form. */
export interface SessionFormValues {
  title: string;
  description: string;
  sessionType: SessionType;
  scheduledStartTime: string;
  scheduledEndTime: string;
  maxParticipants: number | null;
  price: number;
  currency: string;
  thumbnail: string | null;
  metadata: { category?: string | null; difficulty?: string | null; equipment?: string[] | null; tags?: string[] | null } | null;
}

export interface SessionFormResult {
  error?: string;
  fields?: Record<string, string>;
}

/** The form's fields, in its order: the input's id (for the summary's links) and its label. */
const FIELDS = {
  title: { id: "f-title", label: "Title" },
  description: { id: "f-description", label: "Description" },
  sessionType: { id: "f-type", label: "Type" },
  maxParticipants: { id: "f-seats", label: "Seats" },
  scheduledStartTime: { id: "f-start", label: "Starts" },
  scheduledEndTime: { id: "f-end", label: "Ends" },
  price: { id: "f-price", label: "Price" },
  currency: { id: "f-currency", label: "Currency" },
  category: { id: "f-category", label: "Category" },
  difficulty: { id: "f-difficulty", label: "Difficulty" },
  equipment: { id: "f-equipment", label: "Equipment" },
  tags: { id: "f-tags", label: "Tags" },
  thumbnail: { id: "f-thumbnail", label: "Thumbnail URL" },
} satisfies Record<string, FormField>;
type FieldKey = keyof typeof FIELDS;

/** The currencies offered first; the API takes any ISO-4217 code. */
const CURRENCIES = ["INR", "USD", "EUR", "GBP", "AUD", "CAD", "SGD", "AED", "JPY"];

/** The ids an input is described by: its hint and its problem, when it has them. */
const describedBy = (key: FieldKey, problems: Partial<Record<FieldKey, string>>, hint = false) =>
  [hint && `${FIELDS[key].id}-hint`, problems[key] && `${FIELDS[key].id}-problem`].filter(Boolean).join(" ") || undefined;

function Problem({ field, problems }: { field: FieldKey; problems: Partial<Record<FieldKey, string>> }) {
  const said = problems[field];
  return said ? (
    <span className="error" id={`${FIELDS[field].id}-problem`}>
      {said}
    </span>
  ) : null;
}

/**
 * A datetime-local input shows the viewer's local time; the hidden field carries the
 * instant. The label names the zone the browser will read it in, once the page runs there.
 */
function WhenField({ field, zone, problems, initial }: { field: "scheduledStartTime" | "scheduledEndTime"; zone: string; problems: Partial<Record<FieldKey, string>>; initial?: string }) {
  const [local, setLocal] = useState("");
  const [touched, setTouched] = useState(false);
  // The stored instant shown in the browser's own time (known only once the page runs there).
  useEffect(() => {
    if (initial) setLocal(localInputValue(new Date(initial)));
  }, [initial]);
  // Untouched, the stored instant goes back unchanged (to the second), so nothing moves by accident.
  const iso = touched ? (local ? new Date(local).toISOString() : "") : (initial ?? "");
  const { id, label } = FIELDS[field];
  return (
    <label htmlFor={id}>
      {label}
      <span className="hint" id={`${id}-hint`}>
        {zone ? `your time (${zone})` : "your local time"}
      </span>
      <input id={id} type="datetime-local" required value={local} onChange={(e) => {
          setLocal(e.target.value);
          setTouched(true);
        }} aria-invalid={Boolean(problems[field])} aria-describedby={describedBy(field, problems, true)} />
      <input type="hidden" name={field} value={iso} />
      <Problem field={field} problems={problems} />
    </label>
  );
}

/** "2030-01-02T08:30" in the browser's time zone, as a datetime-local input takes it. */
function localInputValue(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** `initial` present: the edit form of a published session; absent: a new one. */
export function SessionForm({ result, busy, initial }: { result: SessionFormResult | undefined; busy: boolean; initial?: SessionFormValues }) {
  const editing = Boolean(initial);
  const noun = editing ? "the changes can be saved" : "the class can be created";
  const problems: Partial<Record<FieldKey, string>> = formProblems(result?.fields, FIELDS);
  const listed = Object.entries(problems) as [FieldKey, string][];
  const summary = useRef<HTMLDivElement>(null);
  const [zone, setZone] = useState("");
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  // Each answer with problems brings the summary into view and focus, so it is read first.
  useEffect(() => {
    if (result?.error && summary.current) {
      summary.current.focus();
      summary.current.scrollIntoView({ block: "start" });
    }
  }, [result]);
  const invalid = (key: FieldKey) => Boolean(problems[key]);
  return (
    <>
      {result?.error && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="problems-heading">
          <h2 id="problems-heading">
            {listed.length === 1 ? `One thing to fix before ${noun}` : listed.length > 1 ? `${listed.length} things to fix before ${noun}` : editing ? "The changes could not be saved" : "The class could not be created"}
          </h2>
          {listed.length ? (
            <ul>
              {listed.map(([key, said]) => (
                <li key={key}>
                  {/* Focus the field in place: following the #hash would be a navigation to Remix, which forgets the answer. */}
                  <a
                    href={`#${FIELDS[key].id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      const field = document.getElementById(FIELDS[key].id);
                      field?.scrollIntoView({ block: "center" });
                      field?.focus();
                    }}
                  >
                    {FIELDS[key].label}: {said}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{result.error}</p>
          )}
        </div>
      )}
      {/* The server checks everything at once and says it next to each field; the browser's one-at-a-time bubbles would hide the rest. */}
      <Form method="post" className="form" noValidate>
        <label htmlFor={FIELDS.title.id}>
          Title
          <input id={FIELDS.title.id} name="title" defaultValue={initial?.title} required minLength={3} maxLength={120} aria-invalid={invalid("title")} aria-describedby={describedBy("title", problems)} />
          <Problem field="title" problems={problems} />
        </label>
        <label htmlFor={FIELDS.description.id}>
          Description <span className="hint" id={`${FIELDS.description.id}-hint`}>What students can expect (optional)</span>
          <textarea id={FIELDS.description.id} name="description" defaultValue={initial?.description} rows={4} maxLength={5000} aria-invalid={invalid("description")} aria-describedby={describedBy("description", problems, true)} />
          <Problem field="description" problems={problems} />
        </label>
        <div className="row">
          <label htmlFor={FIELDS.sessionType.id}>
            Type
            <select id={FIELDS.sessionType.id} name="sessionType" defaultValue={initial?.sessionType ?? "GROUP"} disabled={editing} aria-describedby={editing ? "f-fixed-hint" : undefined}>
              <option value="GROUP">Group</option>
              <option value="WORKSHOP">Workshop</option>
              <option value="ONE_ON_ONE">1-on-1</option>
            </select>
          </label>
          <label htmlFor={FIELDS.maxParticipants.id}>
            Seats <span className="hint" id={`${FIELDS.maxParticipants.id}-hint`}>leave empty for no limit</span>
            <input id={FIELDS.maxParticipants.id} name="maxParticipants" defaultValue={initial?.maxParticipants ?? undefined} type="number" min={1} max={2500} inputMode="numeric" aria-invalid={invalid("maxParticipants")} aria-describedby={describedBy("maxParticipants", problems, true)} />
            <Problem field="maxParticipants" problems={problems} />
          </label>
        </div>
        <div className="row">
          <WhenField field="scheduledStartTime" zone={zone} problems={problems} initial={initial?.scheduledStartTime} />
          <WhenField field="scheduledEndTime" zone={zone} problems={problems} initial={initial?.scheduledEndTime} />
        </div>
        <div className="row">
          <label htmlFor={FIELDS.price.id}>
            Price <span className="hint" id={`${FIELDS.price.id}-hint`}>0 for a free class</span>
            <input id={FIELDS.price.id} name="price" type="number" min={0} step="0.01" defaultValue={initial?.price ?? 0} disabled={editing} inputMode="decimal" aria-invalid={invalid("price")} aria-describedby={describedBy("price", problems, true)} />
            <Problem field="price" problems={problems} />
          </label>
          <label htmlFor={FIELDS.currency.id}>
            Currency
            <select id={FIELDS.currency.id} name="currency" defaultValue={initial?.currency ?? "INR"} disabled={editing} aria-invalid={invalid("currency")} aria-describedby={describedBy("currency", problems)}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c} — {currencyName(c)}
                </option>
              ))}
            </select>
            <Problem field="currency" problems={problems} />
          </label>
        </div>
        <div className="row">
          <label htmlFor={FIELDS.category.id}>
            Category
            <input id={FIELDS.category.id} name="category" defaultValue={initial?.metadata?.category ?? undefined} placeholder="Vinyasa" maxLength={50} aria-invalid={invalid("category")} aria-describedby={describedBy("category", problems)} />
            <Problem field="category" problems={problems} />
          </label>
          <label>
            Difficulty
            <DifficultySelect defaultValue={initial?.metadata?.difficulty ?? ""} emptyLabel="—" />
            <Problem field="difficulty" problems={problems} />
          </label>
        </div>
        <label htmlFor={FIELDS.equipment.id}>
          Equipment <span className="hint" id={`${FIELDS.equipment.id}-hint`}>comma-separated</span>
          <input id={FIELDS.equipment.id} name="equipment" defaultValue={initial?.metadata?.equipment?.join(", ")} placeholder="Yoga Mat, Blocks" aria-invalid={invalid("equipment")} aria-describedby={describedBy("equipment", problems, true)} />
          <Problem field="equipment" problems={problems} />
        </label>
        <label htmlFor={FIELDS.tags.id}>
          Tags <span className="hint" id={`${FIELDS.tags.id}-hint`}>comma-separated, up to 30 characters each</span>
          <input id={FIELDS.tags.id} name="tags" defaultValue={initial?.metadata?.tags?.join(", ")} placeholder="morning, energizing" aria-invalid={invalid("tags")} aria-describedby={describedBy("tags", problems, true)} />
          <Problem field="tags" problems={problems} />
        </label>
        <label htmlFor={FIELDS.thumbnail.id}>
          Thumbnail URL <span className="hint" id={`${FIELDS.thumbnail.id}-hint`}>optional</span>
          <input id={FIELDS.thumbnail.id} name="thumbnail" defaultValue={initial?.thumbnail ?? undefined} type="url" placeholder="https://…" aria-invalid={invalid("thumbnail")} aria-describedby={describedBy("thumbnail", problems, true)} />
          <Problem field="thumbnail" problems={problems} />
        </label>
        {editing && (
          <p className="hint" id="f-fixed-hint">
            Type, price and currency stay as published: students enrolled on them.
          </p>
        )}
        <div>
          <button className="primary" disabled={busy}>
            {editing ? "Save changes" : "Create session"}
          </button>
        </div>
      </Form>
    </>
  );
}

/** The currency's name in English, as the browser's Intl knows it. */
function currencyName(code: string): string {
  return new Intl.DisplayNames(["en"], { type: "currency" }).of(code) ?? code;
}

