import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { DifficultySelect } from "../components/difficulty-select";
import { graphql } from "../graphql/__generated__";
import type { SessionType } from "../graphql/__generated__/graphql";
import { fieldErrors, pageFor, signInUrl } from "../lib/graphql-errors.server";

export const meta: MetaFunction = () => [{ title: "New session — Live Sessions" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!context.viewer) throw redirect(signInUrl(request));
  if (!context.viewer.isExpert) throw new Response("Only experts can create live sessions.", { status: 403 });
  return null;
}

const TYPES: SessionType[] = ["GROUP", "WORKSHOP", "ONE_ON_ONE"];

/** Form values → the API's input. Times arrive as UTC instants computed in the browser. */
function inputFrom(form: FormData) {
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const number = (k: string) => (text(k) === "" ? undefined : Number(text(k)));
  const list = (k: string) => text(k).split(",").map((s) => s.trim()).filter(Boolean);
  const type = text("sessionType") as SessionType;
  return {
    title: text("title"),
    description: text("description"),
    sessionType: TYPES.includes(type) ? type : undefined,
    scheduledStartTime: text("scheduledStartTime"),
    scheduledEndTime: text("scheduledEndTime"),
    maxParticipants: number("maxParticipants"),
    price: number("price") ?? 0,
    currency: text("currency") || "INR",
    thumbnail: text("thumbnail") || undefined,
    metadata: {
      category: text("category") || undefined,
      difficulty: text("difficulty") || undefined,
      equipment: list("equipment"),
      tags: list("tags"),
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const { createSession } = await context.gql(CREATE, { input: inputFrom(form) });
    return redirect(`/app/live/${createSession.id}`);
  } catch (error) {
    const problem = pageFor(error, request);
    return { error: problem.message, fields: fieldErrors(problem) };
  }
}

/** A datetime-local input shows the viewer's local time; the hidden field carries the instant. */
function WhenField({ name, label, error }: { name: string; label: string; error?: string }) {
  const [local, setLocal] = useState("");
  const [iso, setIso] = useState("");
  useEffect(() => setIso(local ? new Date(local).toISOString() : ""), [local]);
  return (
    <label>
      {label}
      <input type="datetime-local" required value={local} onChange={(e) => setLocal(e.target.value)} aria-invalid={Boolean(error)} />
      <input type="hidden" name={name} value={iso} />
      {error && <span className="error">{error}</span>}
    </label>
  );
}

export default function NewSession() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const f = result?.fields ?? {};
  return (
    <>
      <h1>New live session</h1>
      {result?.error && <p role="alert" className="error">Please fix the highlighted fields: {result.error}</p>}
      <Form method="post" className="form">
        <label>
          Title
          <input name="title" required minLength={3} maxLength={120} aria-invalid={Boolean(f.title)} />
          {f.title && <span className="error">{f.title}</span>}
        </label>
        <label>
          Description <span className="hint">What students can expect (optional)</span>
          <textarea name="description" rows={4} maxLength={5000} />
          {f.description && <span className="error">{f.description}</span>}
        </label>
        <div className="row">
          <label>
            Type
            <select name="sessionType" defaultValue="GROUP">
              <option value="GROUP">Group</option>
              <option value="WORKSHOP">Workshop</option>
              <option value="ONE_ON_ONE">1-on-1</option>
            </select>
          </label>
          <label>
            Seats <span className="hint">leave empty for no limit</span>
            <input name="maxParticipants" type="number" min={1} max={2500} inputMode="numeric" aria-invalid={Boolean(f.maxParticipants)} />
            {f.maxParticipants && <span className="error">{f.maxParticipants}</span>}
          </label>
        </div>
        <div className="row">
          <WhenField name="scheduledStartTime" label="Starts" error={f.scheduledStartTime} />
          <WhenField name="scheduledEndTime" label="Ends" error={f.scheduledEndTime} />
        </div>
        <div className="row">
          <label>
            Price <span className="hint">0 for a free class</span>
            <input name="price" type="number" min={0} step="0.01" defaultValue={0} inputMode="decimal" aria-invalid={Boolean(f.price)} />
            {f.price && <span className="error">{f.price}</span>}
          </label>
          <label>
            Currency
            <input name="currency" defaultValue="INR" maxLength={3} aria-invalid={Boolean(f.currency)} />
            {f.currency && <span className="error">{f.currency}</span>}
          </label>
        </div>
        <div className="row">
          <label>
            Category
            <input name="category" placeholder="Vinyasa" maxLength={50} />
          </label>
          <label>
            Difficulty
            <DifficultySelect defaultValue="" emptyLabel="—" />
          </label>
        </div>
        <label>
          Equipment <span className="hint">comma-separated</span>
          <input name="equipment" placeholder="Yoga Mat, Blocks" />
          {f["metadata.equipment"] && <span className="error">{f["metadata.equipment"]}</span>}
        </label>
        <label>
          Tags <span className="hint">comma-separated</span>
          <input name="tags" placeholder="morning, energizing" />
          {f["metadata.tags"] && <span className="error">{f["metadata.tags"]}</span>}
        </label>
        <label>
          Thumbnail URL <span className="hint">optional</span>
          <input name="thumbnail" type="url" placeholder="https://…" aria-invalid={Boolean(f.thumbnail)} />
          {f.thumbnail && <span className="error">{f.thumbnail}</span>}
        </label>
        <div>
          <button className="primary" disabled={busy}>Create session</button>
        </div>
      </Form>
    </>
  );
}

const CREATE = graphql(`
  mutation CreateFromPage($input: CreateSessionInput!) {
    createSession(input: $input) {
      id
    }
  }
`);
