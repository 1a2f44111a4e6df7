import { describe, expect, it } from "vitest";
import { formProblems } from "./form-problems";

const FIELDS = {
  title: { id: "f-title", label: "Title" },
  scheduledStartTime: { id: "f-start", label: "Starts" },
  scheduledEndTime: { id: "f-end", label: "Ends" },
  price: { id: "f-price", label: "Price" },
  tags: { id: "f-tags", label: "Tags" },
};

describe("the API's field problems, as the form says them", () => {
  it("are keyed by the form's fields (a tag's problem at Tags), in people's words, in the form's order", () => {
    expect(
      formProblems(
        {
          "metadata.tags.0": "metadata.tags item must be at most 30 characters",
          scheduledStartTime: "scheduledStartTime must be in the future",
          title: "title must be at least 3 characters",
          price: "price can be at most 100000",
          unknownThing: "ignored",
        },
        FIELDS,
      ),
    ).toEqual({
      title: "The title needs at least 3 characters.",
      scheduledStartTime: "The start must be in the future.",
      price: "Price can be at most 100000.",
      tags: "Each tag can be at most 30 characters.",
    });
  });

  it("never shows an API field name", () => {
    const said = formProblems({ scheduledEndTime: "scheduledEndTime must be after scheduledStartTime" }, FIELDS);
    expect(said.scheduledEndTime).toBe("The end must be after the start.");
    expect(Object.values(formProblems({ scheduledStartTime: "scheduledStartTime must be an ISO-8601 date and time with a time zone, like 2025-11-01T08:00:00Z" }, FIELDS))).toEqual(["Choose the start date and time."]);
  });
});

describe("the webhook endpoint form's problems", () => {
  const ENDPOINT = { url: { id: "f-url", label: "Receiver URL" }, events: { id: "f-events", label: "Events" } };
  it("say why an address is refused, and ask for an event", () => {
    expect(
      formProblems(
        { url: "url refused: 10.0.0.7 is a private address: webhooks go to public addresses only", "events.0": "events must name at least one event type" },
        ENDPOINT,
      ),
    ).toEqual({
      url: "This address cannot receive webhooks: 10.0.0.7 is a private address. Use an address on the public internet.",
      events: "Choose at least one event.",
    });
    expect(formProblems({ url: "url must start with https:// (or http:// outside production)" }, ENDPOINT).url).toBe(
      "The address must start with https:// (http:// is accepted on this test server).",
    );
    expect(formProblems({ url: "url must not have a #fragment" }, ENDPOINT).url).toBe("Receiver URL must not have a #fragment.");
  });
});
