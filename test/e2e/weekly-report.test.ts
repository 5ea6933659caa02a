/// <reference lib="dom" />
// The weekly report in Chromium on the demo's year of history: the administrator opens Berichte →
// Wochenbericht, picks a week, chooses who receives it, and downloads the PDF; the test renders that PDF with
// pdf.js (pdfjs-dist's legacy build from node_modules, served to the page by a route — nothing from outside)
// to an image, and reads its headings. axe-core checks the page.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectAccessible, useDemoSession } from "./browser.js";
import { openReport } from "./reportPage.js";

const PDFJS = join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "legacy", "build");
const session = useDemoSession("admin@musterstadt.example");

const VIEWER_HTML =
  "<!doctype html><html lang='de'><title>PDF</title><canvas></canvas>" +
  "<script type='module'>import * as pdfjsLib from '/pdf.mjs'; window.pdfjsLib = pdfjsLib;</script>";

/** Renders the first page of a PDF in Chromium with pdf.js: its text and a PNG of it. */
async function renderPdf(pdf: Buffer): Promise<{ text: string; png: Buffer; inked: number }> {
  const viewer = await session.browser.newPage();
  // An origin of its own that never reaches a network: every request is answered here.
  await viewer.route("http://pdf-viewer.test/**", async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === "") return route.fulfill({ contentType: "text/html", body: VIEWER_HTML });
    if (name === "report.pdf") return route.fulfill({ contentType: "application/pdf", body: pdf });
    if (name === "pdf.mjs" || name === "pdf.worker.mjs")
      return route.fulfill({ contentType: "text/javascript", body: readFileSync(join(PDFJS, name)) });
    return route.fulfill({ status: 404, body: "" });
  });
  await viewer.goto("http://pdf-viewer.test/");
  await viewer.waitForFunction(() => "pdfjsLib" in window);
  const rendered = await viewer.evaluate(async () => {
    const pdfjs = (window as unknown as { pdfjsLib: typeof import("pdfjs-dist") }).pdfjsLib;
    pdfjs.GlobalWorkerOptions.workerSrc = "http://pdf-viewer.test/pdf.worker.mjs";
    const doc = await pdfjs.getDocument({ url: "http://pdf-viewer.test/report.pdf", verbosity: 0 }).promise;
    const first = await doc.getPage(1);
    const viewport = first.getViewport({ scale: 1.5 });
    const canvas = document.querySelector("canvas") as HTMLCanvasElement;
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await first.render({ canvas, viewport }).promise;
    const pixels = (canvas.getContext("2d") as CanvasRenderingContext2D).getImageData(
      0,
      0,
      canvas.width,
      canvas.height,
    );
    let inked = 0;
    for (let i = 0; i < pixels.data.length; i += 4) if ((pixels.data[i + 3] ?? 0) > 0) inked += 1;
    const content = await first.getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    return { text, inked, png: canvas.toDataURL("image/png") };
  });
  await viewer.close();
  return { ...rendered, png: Buffer.from(rendered.png.split(",")[1] ?? "", "base64") };
}

describe("the weekly report", () => {
  it("lets the administrator pick a week and choose who receives it", async () => {
    const { page } = session;
    await openReport(page, "Wochenbericht");
    // By default the last completed week (by the browser's calendar).
    await page.getByText(/^Kalenderwoche \d+: \d\d\.\d\d\.\d{4} bis \d\d\.\d\d\.\d{4}$/).waitFor();
    await page.getByLabel("Ein Tag der Woche").fill("18.11.2026");
    await page.getByText("Kalenderwoche 47: 16.11.2026 bis 22.11.2026").waitFor();
    expect(new URL(page.url()).searchParams.get("week")).toBe("2026-11-18");
    await page.getByLabel("Wochenbericht jeden Montag verschicken").check();
    const recipients = page.getByRole("group", { name: /^Wer erhält den Bericht\?/ });
    await recipients.getByRole("checkbox", { name: /analyse@musterstadt\.example/ }).check();
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByText("Die Empfängerinnen und Empfänger sind gespeichert.").waitFor();
    await page.screenshot({ path: "/tmp/weekly-report-page.png", fullPage: true });
    await expectAccessible(page, "Wochenbericht");
  });

  it("downloads the week's PDF, which renders with its headings and figures", async () => {
    const { page } = session;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "PDF herunterladen" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("wochenbericht-musterstadt-2026-11-16.pdf");
    const pdf = readFileSync((await download.path()) ?? "");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const rendered = await renderPdf(pdf);
    writeFileSync("/tmp/weekly-report-pdf.png", rendered.png);
    // Something was drawn: text, the chart's bars.
    expect(rendered.inked).toBeGreaterThan(10_000);
    expect(rendered.text).toContain("Stimmungsbericht");
    expect(rendered.text).toContain("Kalenderwoche 47: 16.11.2026 bis 22.11.2026");
    for (const heading of ["Zusammenfassung", "Stimmung nach Tagen", "Nach Fachbereich"])
      expect(rendered.text).toContain(heading);
    expect(rendered.text).toMatch(/gingen [\d.]+ Nachrichten von Bürgerinnen und Bürgern ein/);
  });
});
