import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "../graphql/__generated__";
import { fieldErrors, load, pageFor } from "../lib/graphql-errors.server";

export const meta: MetaFunction = () => [{ title: "Email settings — Live Sessions" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const data = await load(request, () => context.gql(SETTINGS, {}));
  // Every zone this server knows, so the choice is one the emails can use. ICU lists canonical
  // names (Asia/Calcutta); a browser may have given an alias (Asia/Kolkata), which stays selectable.
  const own = data.notificationSettings.timeZone;
  const zones = Intl.supportedValuesOf("timeZone");
  return { settings: data.notificationSettings, zones: own && !zones.includes(own) ? [...zones, own].sort() : zones };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const input = {
      timeZone: String(form.get("timeZone") ?? "") || null,
      emailReminders: form.get("emailReminders") === "on",
      emailNotices: form.get("emailNotices") === "on",
    };
    await context.gql(UPDATE_SETTINGS, { input });
    return { ok: true, message: "Saved.", fields: {} as Record<string, string> };
  } catch (error) {
    const problem = pageFor(error, request);
    return { ok: false, message: problem.message, fields: fieldErrors(problem) };
  }
}

export default function Settings() {
  const { settings, zones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const zoneProblem = result?.fields?.timeZone;
  return (
    <>
      <h1>Email settings</h1>
      <Form method="post" className="settings-form">
        <p>
          <label htmlFor="f-zone">Your time zone</label>
          <select id="f-zone" name="timeZone" defaultValue={settings.timeZone ?? ""} aria-describedby={zoneProblem ? "f-zone-problem f-zone-hint" : "f-zone-hint"}>
            {!settings.timeZone && <option value="">Not set (emails use UTC)</option>}
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
          <span className="hint" id="f-zone-hint">
            Times in your emails are shown in this zone.
          </span>
          {zoneProblem && (
            <span className="error" id="f-zone-problem">
              {zoneProblem}
            </span>
          )}
        </p>
        <fieldset>
          <legend>Emails</legend>
          <p>
            <label className="choice">
              <input type="checkbox" name="emailReminders" defaultChecked={settings.emailReminders} /> Reminders 24 hours and 15 minutes before my classes
            </label>
          </p>
          <p>
            <label className="choice">
              <input type="checkbox" name="emailNotices" defaultChecked={settings.emailNotices} /> Confirmations with a calendar invitation, cancellations, recordings ready (and for experts, new students)
            </label>
          </p>
        </fieldset>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </button>
        <p role="status" className={result && !result.ok ? "error" : "hint"}>
          {result?.message ?? ""}
        </p>
      </Form>
    </>
  );
}

const SETTINGS = graphql(`
  query NotificationSettings {
    notificationSettings {
      timeZone
      emailReminders
      emailNotices
    }
  }
`);

const UPDATE_SETTINGS = graphql(`
  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      timeZone
      emailReminders
      emailNotices
    }
  }
`);
