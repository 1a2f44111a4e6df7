/**
 * axe-core's WCAG 2.1 A and AA rules (and its best practices) on the page as it stands:
 * the browser journeys call this on every page and state they reach, phone and desktop.
 * @axe-core/playwright is MPL-2.0, a development dependency only: nothing of it reaches
 * the browser bundle or the server.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const { violations, passes } = await new AxeBuilder({ page: page as never }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  expect(found, `axe on ${state}`).toEqual([]);
  // It did look: a page it could not read would have no findings either.
  expect(passes.map((p) => p.id)).toEqual(expect.arrayContaining(["color-contrast", "document-title", "landmark-one-main"]));
}
