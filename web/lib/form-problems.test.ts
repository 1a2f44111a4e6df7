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
