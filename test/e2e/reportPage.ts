// Browser-test support for the report pages (Berichte): opening a report from the main navigation, and reading
// the figure tiles above its chart.
import type { Page } from "playwright-core";

/** Opens Berichte from the main navigation (it opens on Stimmung), then the report `name`, and waits for its heading. */
export async function openReport(page: Page, name = "Stimmung"): Promise<void> {
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Berichte" }).click();
  if (name !== "Stimmung") await page.getByRole("navigation", { name: "Berichte" }).getByRole("link", { name }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** The figure of the tile labelled `label`, as the page writes it. */
export async function figureText(page: Page, label: string): Promise<string> {
  const tile = page.locator(".figures > div", { has: page.getByText(label, { exact: true }) });
  return (await tile.locator(".figure").textContent()) ?? "";
}

/** The figure of the tile labelled `label` as a number (a whole one, written with German thousands points). */
export async function figureNumber(page: Page, label: string): Promise<number> {
  return Number((await figureText(page, label)).replace(/\./g, ""));
}
