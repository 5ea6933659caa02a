// Control characters at the boundary, and database errors in the log. Text from outside (JSON and form
// bodies, query strings, messages from the networks) arrives without control characters other than tab
// and line breaks — a NUL byte cannot even be stored by PostgreSQL and once answered a citizen with 500;
// an address with control characters is refused. And no log line ever carries a failed query's bound
// parameters: the failed insert of a comment once logged the citizen's name, text and e-mail address.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMessageEdits } from "../../src/app/inbox/apply-message-edits.js";
import { ingestMessages } from "../../src/app/inbox/ingest-messages.js";
import { describeError } from "../../src/cli/runtime.js";
import { departments, inboundMessages, websiteComments } from "../../src/db/schema/index.js";
import { createLogger } from "../../src/logger.js";
import { buildChannelAccount, buildMember, uniqueSuffix } from "../support/factories.js";
import { type TestApp, signIn, startTestApp } from "../support/testApp.js";
import { buildWebsiteScene, startCitizen } from "../support/website.js";

const logLines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    logger: createLogger({ level: "debug", destination: { write: (line: string) => void logLines.push(line) } }),
  });
});
afterAll(() => t.close());

const ALL_C0_BUT_TAB_AND_BREAKS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i))
  .filter((c) => !"\t\n\r".includes(c))
  .join("");

async function citizenOnAPost() {
  const scene = await buildWebsiteScene(t.ctx);
  const citizen = await startCitizen(t.app, scene.org.slug, `203.0.113.${Math.floor(Math.random() * 200) + 20}`);
  await citizen.acceptNetiquette(scene.netiquette.id);
  return { scene, citizen };
}

describe("control characters in what citizens send", () => {
  it("are removed from a public comment (name, text, e-mail address), which is stored and reaches the inbox", async () => {
    const { scene, citizen } = await citizenOnAPost();
    const response = await citizen.comment(scene.entryId, {
      displayName: "Anna\u0000 B.",
      text: `Wann öffnet\u0000 das Hallenbad?\tDanke!\r\nAnna${ALL_C0_BUT_TAB_AND_BREAKS}Berg`,
      email: "anna\u0000@example.org",
    });
    expect(response.statusCode, response.body).toBe(201);
    const id = (response.json() as { id: string }).id;
    const [stored] = await t.ctx.db.select().from(websiteComments).where(eq(websiteComments.id, id));
    expect(stored).toMatchObject({
      displayName: "Anna B.",
      // Vertical tab and form feed were line breaks where the text was pasted from.
      text: "Wann öffnet das Hallenbad?\tDanke!\r\nAnna\n\nBerg",
      email: "anna@example.org",
    });
    const [inbound] = await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, id));
    expect(inbound?.authorName).toBe("Anna B.");
  });

  it("turn a broken UTF-16 surrogate into the replacement character instead of failing", async () => {
    const { scene, citizen } = await citizenOnAPost();
    const response = await t.app.inject({
      method: "POST",
      url: `/api/public/orgs/${scene.org.slug}/posts/${scene.entryId}/comments`,
      remoteAddress: citizen.ip,
      headers: { "x-draht-session": citizen.token, "content-type": "application/json" },
      payload: `{"displayName":"Bernd","text":"Kaputt \\ud800 kodiert","work":${JSON.stringify(await citizen.work())}}`,
    });
    expect(response.statusCode, response.body).toBe(201);
    const [stored] = await t.ctx.db
      .select()
      .from(websiteComments)
      .where(eq(websiteComments.id, (response.json() as { id: string }).id));
    expect(stored?.text).toBe("Kaputt \ufffd kodiert");
  });

  it("in the form of a link page under /p/ lead to the page saying the link is invalid, not to an error", async () => {
    const { scene, citizen } = await citizenOnAPost();
    const posted = await citizen.comment(scene.entryId, { text: "Gibt es Parkplätze am Bad?" });
    const id = (posted.json() as { id: string }).id;
    const response = await t.app.inject({
      method: "POST",
      url: `/p/${scene.org.slug}/kommentar/${id}/loeschen`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "token=%00abc%00def",
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain("Dieser Link ist ungültig oder wurde schon benutzt.");
  });

  it("in an address are refused with 400: draht's error under /api, the public error page under /p/", async () => {
    const api = await t.app.inject({ method: "GET", url: "/api/public/orgs/stadt%00x/feed" });
    expect(api.statusCode, api.body).toBe(400);
    expect(api.json()).toMatchObject({
      error: { code: "DRAHT_ERR_VALIDATION_FAILED", details: { reason: "control_characters" } },
    });
    expect(api.json().error.message).toMatch(/Steuerzeichen/);
    const page = await t.app.inject({ method: "GET", url: "/p/stadt%00x/netiquette" });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain("<h1>Ungültige Adresse</h1>");
  });
});

describe("control characters in what staff send", () => {
  it("are removed from JSON bodies and query strings", async () => {
    const { scene } = await citizenOnAPost();
    const admin = await buildMember(t.ctx, scene.org.id, { roles: ["administrator"] });
    const session = await signIn(t.app, admin.email, admin.password);
    const created = await session.request("POST", `/api/orgs/${scene.org.id}/departments`, {
      name: "Amt\u0000 für\u0008 Grünflächen",
    });
    expect(created.statusCode, created.body).toBe(201);
    const [department] = await t.ctx.db.select().from(departments).where(eq(departments.orgId, scene.org.id));
    expect(department?.name).toBe("Amt für Grünflächen");
    const searched = await session.request("GET", `/api/orgs/${scene.org.id}/inbox/conversations?citizen=%00Anna`);
    expect(searched.statusCode, searched.body).toBe(200);
  });

  it("refuses a body nested too deep to clean with 400 instead of passing it on", async () => {
    const { scene } = await citizenOnAPost();
    const admin = await buildMember(t.ctx, scene.org.id, { roles: ["administrator"] });
    const session = await signIn(t.app, admin.email, admin.password);
    const account = await buildChannelAccount(t.ctx, scene.org.id, { network: "sandbox" });
    let deep: unknown = "tief\u0000";
    for (let i = 0; i < 120; i++) deep = { x: deep };
    const answer = await session.request("PATCH", `/api/orgs/${scene.org.id}/channels/${account.id}`, {
      settings: { deep },
    });
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json().error).toMatchObject({
      code: "DRAHT_ERR_VALIDATION_FAILED",
      details: { reason: "nested_too_deep" },
    });
  });
});

describe("control characters in messages from the networks", () => {
  it("are removed from new messages (text, names, raw payload keys and values) and from edits", async () => {
    const { scene } = await citizenOnAPost();
    const account = await buildChannelAccount(t.ctx, scene.org.id, { network: "sandbox", name: `S ${uniqueSuffix()}` });
    const externalId = `status-${uniqueSuffix()}`;
    const [outcome] = await t.ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: scene.org.id,
        analyser: t.ctx.analyser,
        now: t.ctx.clock(),
        publicUrl: t.ctx.publicUrl,
        messages: [
          {
            channelAccountId: account.id,
            externalId,
            kind: "mention",
            authorHandle: "@anna\u0000@social.example",
            authorName: "Anna\u0001",
            text: "Ist die Brücke\u0000 gesperrt?",
            language: "de",
            threadExternalId: null,
            inReplyToExternalId: null,
            visibility: "visible",
            receivedAt: t.ctx.clock(),
            raw: { "note\u0000": "<p>Ist die Brücke\u0000 gesperrt?</p>", nested: [{ v: "a\u0000b" }] },
          },
        ],
      }),
    );
    expect(outcome).toMatchObject({ status: "stored" });
    const [stored] = await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, externalId));
    expect(stored).toMatchObject({
      authorHandle: "@anna@social.example",
      authorName: "Anna",
      text: "Ist die Brücke gesperrt?",
      raw: { note: "<p>Ist die Brücke gesperrt?</p>", nested: [{ v: "ab" }] },
    });

    const [edited] = await t.ctx.db.transaction((tx) =>
      applyMessageEdits(tx, {
        orgId: scene.org.id,
        channelAccountId: account.id,
        edits: [{ externalId, text: "Ist die Brücke\u0000 wieder offen?", raw: { "edit\u0000": "\u0000" } }],
        analyser: t.ctx.analyser,
        now: t.ctx.clock(),
        publicUrl: t.ctx.publicUrl,
      }),
    );
    expect(edited).toMatchObject({ status: "updated" });
    const [after] = await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, externalId));
    expect(after).toMatchObject({ text: "Ist die Brücke wieder offen?", raw: { edit: "" } });
  });
});

describe("a failed database statement", () => {
  const marker = () => `Marker-${uniqueSuffix()}`;

  it("leaves no bound parameter in the log when a citizen's comment cannot be stored", async () => {
    const { scene, citizen } = await citizenOnAPost();
    const name = marker();
    const text = `Frage ${marker()}`;
    const email = `${marker().toLowerCase()}@example.org`;
    // Forced: a check constraint that refuses exactly this name (PostgreSQL names the failing row's values).
    await t.ctx.db.execute(
      sql.raw(`alter table website_comments add constraint forced_failure check (display_name <> '${name}')`),
    );
    try {
      const response = await citizen.comment(scene.entryId, { displayName: name, text, email });
      expect(response.statusCode).toBe(500);
      expect(response.json().error).toMatchObject({ code: "DRAHT_ERR_INTERNAL", message: "Internal error" });
    } finally {
      await t.ctx.db.execute(sql.raw("alter table website_comments drop constraint forced_failure"));
    }
    const log = logLines.join("");
    expect(log).toContain("request failed");
    expect(log).toContain("23514");
    expect(log).toContain("website_comments");
    for (const secret of [name, text, email]) expect(log).not.toContain(secret);
  });

  it("carries neither parameters nor values in its message, in the log or on the command line", async () => {
    const secret = marker();
    const error = await t.ctx.db.execute(sql`select ${secret}::uuid`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).not.toContain(secret);
    expect(describeError(error)).not.toContain(secret);
    const lines: string[] = [];
    const log = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
    log.error({ err: new Error("job failed", { cause: error }) }, "scheduled job failed");
    log.error({ err: error }, "request failed");
    expect(lines.join("")).toContain("22P02");
    expect(lines.join("")).not.toContain(secret);
  });
});
