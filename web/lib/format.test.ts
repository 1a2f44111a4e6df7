/** The countdowns' words: before a class (startsInLabel) and during it (endsInLabel). */
import { describe, expect, it } from "vitest";
import { endsInLabel, startsInLabel } from "./format";

const MIN = 60_000;

describe("startsInLabel", () => {
  it.each([
    [30_000, "starting now"],
    [MIN + 1, "starts in 2 min"],
    [45 * MIN, "starts in 45 min"],
    [60 * MIN, "starts in 1 h"],
    [125 * MIN, "starts in 2 h 5 min"],
    [3 * 24 * 60 * MIN, "starts in 3 days"],
  ])("%d ms ahead reads %s", (ms, label) => {
    expect(startsInLabel(ms)).toBe(label);
  });

  it("says nothing for a start that has passed or is more than a week away", () => {
    expect(startsInLabel(0)).toBeNull();
    expect(startsInLabel(-MIN)).toBeNull();
    expect(startsInLabel(8 * 24 * 60 * MIN)).toBeNull();
  });
});

describe("endsInLabel", () => {
  it.each([
    [42 * MIN, "ends in 42 min"],
    [90 * MIN, "ends in 1 h 30 min"],
    [20_000, "ending now"],
    [0, "past its scheduled end"],
    [-5 * MIN, "past its scheduled end"],
  ])("%d ms ahead reads %s", (ms, label) => {
    expect(endsInLabel(ms)).toBe(label);
  });
});
