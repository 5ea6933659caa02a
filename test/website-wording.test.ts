// How the public pages word a post and an answer: a post is headed by its own first sentence (never by
// "Beitrag vom …" alone), the body and the feed do not repeat that sentence, an answer of the
// administration carries its label once, and the transparency page calls a hidden comment what the staff's
// reports call it.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WEBSITE_SETTINGS } from "../src/domain/website/publicSettings.js";
import { buildMember } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { buildWebsiteScene, startCitizen } from "./support/website.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const count = (text: string, part: string) => text.split(part).length - 1;

describe("the wording of the public pages", () => {
  it("heads a post with its first sentence and does not repeat it, on the post page and in the feed", async () => {
    const scene = await buildWebsiteScene(t.ctx, {
      text: "Der neue Rathausplatz ist fertig. Ab Samstag stehen hier die Marktstände.",
    });
    const page = await t.app.inject({ method: "GET", url: `/p/${scene.org.slug}/beitrag/${scene.entryId}` });
    expect(page.body).toMatch(/<h1 id="beitrag-titel">Der neue Rathausplatz ist fertig<\/h1>/);
    expect(page.body).toContain(`<title>Der neue Rathausplatz ist fertig – ${scene.org.name}</title>`);
    expect(page.body).not.toContain("Beitrag vom");
    expect(count(page.body, "Der neue Rathausplatz ist fertig")).toBe(2); // title and heading
    expect(page.body).toContain("<p>Ab Samstag stehen hier die Marktstände.</p>");

    const feed = await t.app.inject({ method: "GET", url: `/p/${scene.org.slug}` });
    expect(feed.body).toContain(`>Der neue Rathausplatz ist fertig</a></h2>`);
    expect(count(feed.body, "Der neue Rathausplatz ist fertig")).toBe(1);
    expect(feed.body).toContain("<p>Ab Samstag stehen hier die Marktstände.</p>");

    const api = (await t.app.inject({ method: "GET", url: `/api/public/orgs/${scene.org.slug}/feed` })).json() as {
      entries: { headline: string; body: string }[];
    };
    expect(api.entries[0]).toMatchObject({
      headline: "Der neue Rathausplatz ist fertig",
      body: "Ab Samstag stehen hier die Marktstände.",
    });
  });

  it("labels an answer of the administration once", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    const citizen = await startCitizen(t.app, scene.org.slug, "198.51.100.77");
    await citizen.acceptNetiquette(scene.netiquette.id);
    const question = (await citizen.comment(scene.entryId, { text: "Gibt es dort Parkplätze?" })).json() as {
      id: string;
    };
    const press = await buildMember(t.ctx, scene.org.id, { roles: ["press_office"] });
    const staff = await signIn(t.app, press.email, press.password);
    await staff.request("POST", `/api/orgs/${scene.org.id}/website/comments/${question.id}/answer`, {
      text: "Ja, 40 Plätze am Rathaus.",
    });
    const page = await t.app.inject({ method: "GET", url: `/p/${scene.org.slug}/beitrag/${scene.entryId}` });
    const answer = page.body.match(/<article class="comment staff"[\s\S]*?<\/article>/)?.[0] ?? "";
    expect(answer).toContain("Ja, 40 Plätze am Rathaus.");
    // Once visibly; the article's accessible name is the same label and not printed.
    expect(count(answer.replace(/aria-label="[^"]*"/, ""), "Antwort der Verwaltung")).toBe(1);
  });

  it("calls a hidden comment on the transparency page what the staff's reports call it: Ausgeblendet", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    const admin = await buildMember(t.ctx, scene.org.id, { roles: ["administrator"] });
    const session = await signIn(t.app, admin.email, admin.password);
    const saved = await session.request("PUT", `/api/orgs/${scene.org.id}/website/settings`, {
      ...DEFAULT_WEBSITE_SETTINGS,
      transparencyPage: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const page = await t.app.inject({ method: "GET", url: `/p/${scene.org.slug}/transparenz` });
    expect(page.statusCode).toBe(200);
    // Without a decision the page says so; the word shows where decisions are counted.
    expect(page.body).not.toMatch(/verborgen/i);
    const de = JSON.parse(readFileSync("web/src/i18n/de.json", "utf8")) as {
      moderationReport: { hidden: string; action: { hide: string } };
    };
    expect(de.moderationReport.hidden).toBe("Ausgeblendet");
    expect(de.moderationReport.action.hide).toBe("Ausgeblendet");
  });
});
