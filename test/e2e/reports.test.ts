/// <reference lib="dom" />
// The reports in Chromium on the demo's year of history: the analyst opens Berichte, reads Stimmung with
// its chart, summary and table, changes the period and the department and sees the figures follow,
// downloads a table as CSV, narrows Themen to the reactions to one post (kept in the address and the CSV), and
// reads Antwortzeiten with resolution, the waiting series' table and the rules of counting; axe-core checks
// them, the chart renders under the Content-Security-Policy without a violation, and the print view leaves the
// filters out.
// On a phone (390 px) no report page nor the start page scrolls sideways, no text of a chart covers another (a
// legend over the axis name), and axe-core finds nothing; "Eigener Zeitraum" opens with the period shown.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { installationActorIn } from "../../src/app/authorization.js";
import { DEMO_PASSWORD } from "../../src/app/demo/load-demo-data.js";
import { getResponseReport } from "../../src/app/reports/get-response-report.js";
import { rowsOf } from "../../src/db/queries/rows.js";
import { expectAccessible, signInAs, useDemoSession } from "./browser.js";
import { figureNumber, figureText, openReport } from "./reportPage.js";

const session = useDemoSession("analyse@musterstadt.example");

const figure = (label: string) => figureText(session.page, label);

describe("the reports", () => {
  it("show the analyst the mood of the last 30 days with a chart, its summary and its table", async () => {
    const { page } = session;
    await openReport(page);
    const chart = page.getByRole("figure", { name: /Stimmung im Verlauf/ });
    await chart.locator("svg").first().waitFor();
    // A heading row and one per day: the first ten, and a button for all (no box that ends mid-row).
    const days = chart.getByRole("table", { name: "Stimmung im Verlauf in Zahlen" });
    expect(await days.getByRole("row").count()).toBe(11);
    const unfold = chart.getByRole("button", { name: "Alle 30 Zeilen zeigen" });
    expect(await unfold.getAttribute("aria-expanded")).toBe("false");
    await unfold.click();
    expect(await days.getByRole("row").count()).toBe(31);
    await chart.getByRole("button", { name: "Nur die ersten 10 Zeilen zeigen", expanded: true }).waitFor();
    const summary = (await chart.locator("figcaption p").textContent()) ?? "";
    expect(summary).toMatch(/Im Zeitraum gingen [\d.]+ Nachrichten ein/);
    expect(await figureNumber(page, "Nachrichten")).toBeGreaterThan(100);
    await page.screenshot({ path: "/tmp/reports-mood.png", fullPage: true });
    await expectAccessible(page, "Stimmung");
    expect(session.cspViolations).toEqual([]);
  });

  it("follow a change of the period and of the department", async () => {
    const { page } = session;
    const before = await figure("Nachrichten");
    await page.getByRole("combobox", { name: /^Zeitraum/ }).selectOption({ label: "Letzte 90 Tage" });
    await page.getByText(/^04\.09\.2026 bis 02\.12\.2026, verglichen mit 06\.06\.2026 bis 03\.09\.2026/).waitFor();
    // Beyond nine weeks a point of the chart is a week.
    await page
      .getByRole("rowheader", { name: /^Woche ab / })
      .first()
      .waitFor();
    const quarter = await figure("Nachrichten");
    expect(Number(quarter.replace(/\./g, ""))).toBeGreaterThan(Number(before.replace(/\./g, "")));
    // The autumn's closed Hauptstraße shows as a notable week.
    await page.getByRole("heading", { name: "Auffällige Veränderungen" }).waitFor();
    await page.getByRole("combobox", { name: /^Fachbereich/ }).selectOption({ label: "Jugendamt" });
    await expect.poll(() => figure("Nachrichten")).not.toBe(quarter);
    const departments = page.getByRole("table", { name: "Stimmung nach Fachbereich" });
    await expect.poll(() => departments.getByRole("rowheader").allTextContents()).toEqual(["Jugendamt"]);
    expect(new URL(page.url()).searchParams.get("period")).toBe("90");
  });

  it("download a table as CSV for German spreadsheets", async () => {
    const { page } = session;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Stimmung nach Fachbereich als CSV herunterladen" }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    expect(download.suggestedFilename()).toBe("stimmung-fachbereiche.csv");
    expect(csv.startsWith("\uFEFFName;Nachrichten;Nachrichten im Vorzeitraum;Anteil negativ (%)")).toBe(true);
    expect(csv.split("\r\n")[1]).toMatch(/^Jugendamt;\d+;\d+;\d+(,\d+)?;/);
  });

  it("show the analyst what citizens wrote about, without their messages", async () => {
    const { page } = session;
    await page.getByRole("navigation", { name: "Berichte" }).getByRole("link", { name: "Themen" }).click();
    await page.getByRole("heading", { level: 1, name: "Themen" }).waitFor();
    const topics = page.getByRole("table", { name: "Themen in Zahlen" });
    await topics.waitFor();
    // The tab kept the Jugendamt filter: its topics.
    // (Its label is the form the messages wrote most often: "Kita-Platz" or "Kita-Plätze".)
    expect(
      (await topics.getByRole("rowheader").allTextContents()).some((label) => /^Kita-Pl(a|ä)tze?$/.test(label)),
    ).toBe(true);
    // The analyst does not read the inbox: no example messages, no answers.
    expect(await page.getByRole("heading", { name: "Beispiele aus dem Posteingang" }).count()).toBe(0);
    await expectAccessible(page, "Themen (Analyse)");
  });

  it("show the press office examples and turn the answer to a repeated question into a Textbaustein", async () => {
    const { page } = session;
    const press = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(press, session.server.baseUrl, "presse@musterstadt.example", DEMO_PASSWORD);
    const orgPath = new URL(page.url()).pathname.split("/reports")[0];
    await press.goto(`${session.server.baseUrl}${orgPath}/reports/topics`);
    await press.getByRole("heading", { name: "Beispiele aus dem Posteingang" }).waitFor();
    await press.getByRole("heading", { name: "Wiederkehrende Fragen" }).waitFor();
    const keep = press.getByRole("button", { name: /als Textbaustein übernehmen$/ }).first();
    const name = (await keep.textContent()) ?? "";
    await keep.click();
    await press.getByRole("status").filter({ hasText: "Als Textbaustein gespeichert" }).waitFor();
    await press.screenshot({ path: "/tmp/reports-topics.png", fullPage: true });
    await expectAccessible(press, "Themen (Pressestelle)");
    // It is in Wissen → Textbausteine now, titled with the topic.
    const topic = /„(.+)“/.exec(name)?.[1] ?? "";
    await press.goto(`${session.server.baseUrl}${orgPath}/knowledge/templates`);
    await press.getByText(topic, { exact: true }).first().waitFor();
    await press.close();
  });

  it("narrow Themen to the reactions to one post, keep it in the address and in the CSV", async () => {
    const { page } = session;
    const press = await (
      await session.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signInAs(press, session.server.baseUrl, "presse@musterstadt.example", DEMO_PASSWORD);
    const orgPath = new URL(page.url()).pathname.split("/reports")[0];
    await press.goto(`${session.server.baseUrl}${orgPath}/reports/topics?period=90`);
    const table = press.getByRole("table", { name: "Themen in Zahlen" });
    await table.waitFor();
    const everything = await table.getByRole("rowheader").allTextContents();
    // The same pickers as Stimmung's: the post named with its publication date.
    const posts = press.getByRole("combobox", { name: /^Beitrag/ });
    const closed = (await posts.locator("option", { hasText: /^Hauptstraße voll gesperrt \(/ }).textContent()) ?? "";
    await posts.selectOption({ label: closed });
    await press.getByText(/Gezählt sind die Reaktionen auf die gewählten Beiträge/).waitFor();
    expect(new URL(press.url()).searchParams.get("post")).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => table.getByRole("rowheader").allTextContents()).not.toEqual(everything);
    // What the reactions to the closed Hauptstraße were about, and not the Advent's market.
    const terms = await table.getByRole("rowheader").allTextContents();
    expect(terms.some((term) => /^(Sperrung|Hauptstraße|Umleitung)$/.test(term))).toBe(true);
    expect(terms).not.toContain("Weihnachtsmarkt");
    await press.getByRole("heading", { name: "Beispiele aus dem Posteingang" }).waitFor();
    expect(await press.getByRole("region", { name: "Beispiele aus dem Posteingang" }).textContent()).toMatch(
      /Hauptstraße/,
    );
    const [download] = await Promise.all([
      press.waitForEvent("download"),
      press.getByRole("button", { name: "Themen in Zahlen als CSV herunterladen" }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    expect(
      csv
        .split("\r\n")
        .slice(1, -1)
        .map((line) => line.split(";")[0]),
    ).toEqual(terms);
    await press.screenshot({ path: "/tmp/reports-topics-post.png", fullPage: true });
    await expectAccessible(press, "Themen eines Beitrags");
    // Stimmung's and Antwortzeiten's tabs keep the post; Moderation cannot filter by it.
    const tabs = press.getByRole("navigation", { name: "Berichte" });
    const postOf = async (tab: string) =>
      new URL(
        (await tabs.getByRole("link", { name: tab }).getAttribute("href")) ?? "",
        session.server.baseUrl,
      ).searchParams.get("post");
    expect(await postOf("Stimmung")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await postOf("Antwortzeiten")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await postOf("Moderation")).toBeNull();
    await press.close();
  });

  it("show response times in office hours per department, channel and person", async () => {
    const { page } = session;
    await page.getByRole("navigation", { name: "Berichte" }).getByRole("link", { name: "Antwortzeiten" }).click();
    await page.getByRole("heading", { level: 1, name: "Antwortzeiten" }).waitFor();
    // The tab keeps the filters.
    expect(new URL(page.url()).searchParams.get("department")).not.toBeNull();
    await page.getByRole("combobox", { name: /^Fachbereich/ }).selectOption({ label: "Alle Fachbereiche" });
    await page.getByRole("table", { name: "Antwortzeiten nach Fachbereich" }).waitFor();
    expect(await figure("Median bis zur ersten Antwort")).toMatch(/Std\.|Min\./);
    await page
      .getByRole("figure", { name: /Antwortzeiten im Verlauf/ })
      .locator("svg")
      .first()
      .waitFor();
    // Resolution next to the first answer; what waited at each day's end, today's row the present.
    expect(await figure("Median bis zum Abschluss")).toMatch(/Std\.|Min\./);
    const waiting = page.getByRole("figure", { name: /Offene und überfällige Anfragen/ });
    await waiting.locator("svg").first().waitFor();
    await waiting.getByRole("button", { name: /^Alle \d+ Zeilen zeigen$/ }).click();
    const rows = waiting.getByRole("table", { name: "Offene und überfällige Anfragen in Zahlen" }).getByRole("row");
    expect(await rows.count()).toBeGreaterThan(7);
    expect(await rows.last().getByRole("rowheader").textContent()).toMatch(/30\.11\. \(jetzt\)$|02\.12\. \(jetzt\)$/);
    // The rules of counting open from the keyboard.
    await page.getByText("So wird gezählt").focus();
    await page.keyboard.press("Enter");
    expect(await page.getByText(/zählt er erst wieder, wenn er erneut abgeschlossen wird/).isVisible()).toBe(true);
    await page.screenshot({ path: "/tmp/reports-response.png", fullPage: true });
    await expectAccessible(page, "Antwortzeiten");
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("form", { name: "Zeitraum und Filter" }).isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    expect(session.cspViolations).toEqual([]);
  });

  it("tells from the demo's year what waited at each day's end as the conversations' answers and closings say", async () => {
    // The year's history and the marathon's replies are answered and closed in the past: each wait ended then,
    // not on the day the demo was loaded (the marathon's once counted as ~600 waiting for weeks).
    const [org] = rowsOf<{ id: string }>(
      await session.server.ctx.db.execute(sql`select id from organisations where slug = 'musterstadt'`),
    );
    const orgId = org?.id ?? "";
    const report = await getResponseReport(session.server.ctx, {
      actor: installationActorIn(orgId, { userId: null, label: "test" }),
      orgId,
      query: { days: 30 },
    });
    const past = (report.waitingSeries ?? []).filter((step) => !step.now).slice(0, -3);
    expect(past.length).toBeGreaterThan(20);
    for (const step of past) {
      // Waiting at the day's end: the conversation's first message had come, no answer or closing yet.
      const [row] = rowsOf<{ n: number }>(
        await session.server.ctx.db.execute(sql`
          with ends as (select ((${step.start}::date + 1)::timestamp at time zone 'Europe/Berlin') as at)
          select count(*)::int as n
            from conversations c, ends
           where c.org_id = ${orgId}
             and (select min(m.received_at) from inbound_messages m where m.conversation_id = c.id) < ends.at
             and coalesce(c.first_response_at, c.closed_at, 'infinity') >= ends.at`),
      );
      expect({ day: step.start, waiting: step.waiting }).toEqual({ day: step.start, waiting: row?.n });
    }
  });

  it("open a custom period with the dates the report shows", async () => {
    const { page } = session;
    await page.getByRole("combobox", { name: /^Zeitraum/ }).selectOption({ label: "Letzte 30 Tage" });
    await page.getByText(/^03\.11\.2026 bis 02\.12\.2026, verglichen mit/).waitFor();
    await page.getByRole("combobox", { name: /^Zeitraum/ }).selectOption({ label: "Eigener Zeitraum" });
    expect(await page.getByLabel("Von", { exact: true }).inputValue()).toBe("03.11.2026");
    expect(await page.getByLabel("Bis", { exact: true }).inputValue()).toBe("02.12.2026");
    await page.getByText(/^03\.11\.2026 bis 02\.12\.2026, verglichen mit/).waitFor();
  });

  it("fit a phone: no page scrolls sideways, no chart text covers another, and axe finds nothing", async () => {
    const { browser, server } = session;
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInAs(phone, server.baseUrl, "admin@musterstadt.example", DEMO_PASSWORD);
    const orgPath = new URL(phone.url()).pathname;
    const pages = [
      { path: "", heading: "Übersicht", charts: 0 },
      { path: "/reports/mood", heading: "Stimmung", charts: 1 },
      { path: "/reports/topics", heading: "Themen", charts: 1 },
      { path: "/reports/response-times", heading: "Antwortzeiten", charts: 2 },
      { path: "/reports/moderation", heading: "Moderation", charts: 2 },
      { path: "/reports/publishing", heading: "Veröffentlichung", charts: 1 },
      { path: "/reports/weekly", heading: "Wochenbericht", charts: 0 },
    ];
    for (const { path, heading, charts } of pages) {
      await phone.goto(`${server.baseUrl}${orgPath}${path}`);
      await phone.getByRole("heading", { level: 1, name: heading }).waitFor();
      if (charts > 0)
        await expect.poll(() => phone.locator(".chart-canvas svg").count()).toBeGreaterThanOrEqual(charts);
      else await phone.getByRole("heading", { level: 2 }).first().waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), heading).toBeLessThanOrEqual(390);
      expect(await overlappingChartTexts(phone), heading).toEqual([]);
      await phone.screenshot({ path: `/tmp/narrow${path.replace(/\//g, "-") || "-overview"}.png`, fullPage: true });
      await expectAccessible(phone, `${heading} at 390 px`);
    }
    await phone.close();
  });
});

/** Pairs of texts in a chart whose boxes overlap by more than their line spacing (a legend over the axis name). */
function overlappingChartTexts(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const found: string[] = [];
    for (const svg of document.querySelectorAll(".chart-canvas svg")) {
      const texts = [...svg.querySelectorAll("text")]
        .map((t) => ({ text: t.textContent ?? "", box: t.getBoundingClientRect() }))
        .filter((t) => t.text.trim() && t.box.width > 0);
      for (const [i, a] of texts.entries())
        for (const b of texts.slice(i + 1)) {
          const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (x > 3 && y > 3) found.push(`${a.text} / ${b.text} (${Math.round(x)}×${Math.round(y)})`);
        }
    }
    return found;
  });
}
