import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyWebsiteRetention } from "../src/app/website/apply-website-retention.js";
import { updateWebsiteSettings } from "../src/app/website/update-website-settings.js";
import {
  conversations,
  emailOutbox,
  inboundMessages,
  publicRateEvents,
  websiteComments,
  websitePollVotes,
} from "../src/db/schema/index.js";
import { DEFAULT_WEBSITE_SETTINGS } from "../src/domain/website/publicSettings.js";
import { buildMember, systemAdminOf } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { buildWebsiteScene, startCitizen } from "./support/website.js";

let now = new Date("2026-11-25T10:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const poll = (resultsVisibility: "after_vote" | "after_end") => ({
  question: "Wahl zum Tier des Monats",
  options: ["Igel", "Eichhörnchen", "Fledermaus"],
  endsAt: "2026-11-30T18:00:00+01:00",
  resultsVisibility,
});
const pollOf = async (citizen: Awaited<ReturnType<typeof startCitizen>>, entryId: string) =>
  (
    (await citizen.call("GET", `/posts/${entryId}`)).json() as {
      poll: {
        votedFor: number | null;
        open: boolean;
        results: { total: number; options: { votes: number; percent: number }[] } | null;
      };
    }
  ).poll;

describe("polls", () => {
  it("takes one vote per citizen and shows the results after voting", async () => {
    now = new Date("2026-11-25T10:00:00Z");
    const scene = await buildWebsiteScene(t.ctx, { poll: poll("after_vote") });
    const anna = await startCitizen(t.app, scene.org.slug, "198.51.100.1");
    expect((await pollOf(anna, scene.entryId)).results).toBeNull();
    expect((await anna.vote(scene.entryId, 0)).statusCode).toBe(200);
    const again = await anna.vote(scene.entryId, 1);
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { code: string } }).error.code).toBe("DRAHT_ERR_ALREADY_VOTED");
    const ben = await startCitizen(t.app, scene.org.slug, "198.51.100.2");
    const afterBen = (await ben.vote(scene.entryId, 0)).json() as {
      poll: { votedFor: number; results: { total: number; options: { votes: number; percent: number }[] } };
    };
    expect(afterBen.poll.votedFor).toBe(0);
    expect(afterBen.poll.results.total).toBe(2);
    expect(afterBen.poll.results.options.map((o) => o.percent)).toEqual([100, 0, 0]);
    expect((await ben.vote(scene.entryId, 7)).statusCode).toBe(400);
  });

  it("stores only a salted, non-reversible voter token", async () => {
    now = new Date("2026-11-25T10:00:00Z");
    const scene = await buildWebsiteScene(t.ctx, { poll: poll("after_vote") });
    const citizen = await startCitizen(t.app, scene.org.slug, "198.51.100.3");
    await citizen.vote(scene.entryId, 2);
    const votes = await t.ctx.db.select().from(websitePollVotes);
    const mine = votes.filter((v) => v.optionIndex === 2);
    expect(mine.length).toBeGreaterThan(0);
    for (const vote of mine) {
      expect(vote.voterToken).toMatch(/^[0-9a-f]{64}$/);
      expect(vote.voterToken).not.toContain(citizen.token);
      expect(Object.keys(vote).sort()).toEqual(["createdAt", "optionIndex", "pollId", "voterToken"]);
    }
  });

  it("keeps results hidden until the end when configured so, and closes at the end time", async () => {
    now = new Date("2026-11-25T10:00:00Z");
    const scene = await buildWebsiteScene(t.ctx, { poll: poll("after_end") });
    const citizen = await startCitizen(t.app, scene.org.slug, "198.51.100.4");
    await citizen.vote(scene.entryId, 1);
    expect(await pollOf(citizen, scene.entryId)).toMatchObject({ votedFor: 1, results: null, open: true });
    now = new Date("2026-11-30T17:00:00Z");
    const late = await startCitizen(t.app, scene.org.slug, "198.51.100.5");
    const closed = await late.vote(scene.entryId, 0);
    expect((closed.json() as { error: { code: string } }).error.code).toBe("DRAHT_ERR_POLL_CLOSED");
    expect((await pollOf(late, scene.entryId)).results?.options.map((o) => o.votes)).toEqual([0, 1, 0]);
    const page = await t.app.inject({ method: "GET", url: `/p/${scene.org.slug}/beitrag/${scene.entryId}` });
    expect(page.body).toContain("Die Abstimmung ist beendet");
    expect(page.body).toMatch(/Eichhörnchen<\/span>: 1 Stimme \(100 %\)/);
  });
});

describe("data protection", () => {
  it("confirms an e-mail address by double opt-in and notifies the citizen of the answer only then", async () => {
    now = new Date("2026-11-25T10:00:00Z");
    const scene = await buildWebsiteScene(t.ctx);
    const citizen = await startCitizen(t.app, scene.org.slug, "198.51.100.9");
    await citizen.acceptNetiquette(scene.netiquette.id);
    const email = `buerger-${Date.now()}@example.org`;
    const { id } = (await citizen.comment(scene.entryId, { text: "Wo ist das Fundbüro?", email })).json() as {
      id: string;
    };
    const [mail] = await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(mail?.purpose).toBe("confirm_address");
    const link = /https?:\/\/\S+\/bestaetigen\?token=\S+/.exec(mail?.body ?? "")?.[0] ?? "";
    const path = new URL(link).pathname;
    const token = new URL(link).searchParams.get("token") ?? "";
    const confirmPage = await t.app.inject({ method: "GET", url: `${path}?token=${token}` });
    expect(confirmPage.body).toContain("Adresse bestätigen");
    const [before] = await t.ctx.db.select().from(websiteComments).where(eq(websiteComments.id, id));
    expect(before?.emailConfirmedAt).toBeNull();
    const confirmed = await t.app.inject({
      method: "POST",
      url: path,
      payload: `token=${token}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain("Ihre Adresse ist bestätigt");
    const reused = await t.app.inject({
      method: "POST",
      url: path,
      payload: `token=${token}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(reused.statusCode).toBe(404);

    const press = await buildMember(t.ctx, scene.org.id, { roles: ["press_office"] });
    const staff = await signIn(t.app, press.email, press.password);
    await staff.request("POST", `/api/orgs/${scene.org.id}/website/comments/${id}/answer`, {
      text: "Im Bürgerbüro, Erdgeschoss.",
    });
    const mails = await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(mails.map((m) => m.purpose).sort()).toEqual(["answer_notice", "confirm_address"]);
  });

  it("lets citizens delete their own comment with their link, removing text, name and address", async () => {
    now = new Date("2026-11-25T10:00:00Z");
    const scene = await buildWebsiteScene(t.ctx);
    const citizen = await startCitizen(t.app, scene.org.slug, "198.51.100.10");
    await citizen.acceptNetiquette(scene.netiquette.id);
    const { id, deleteUrl } = (
      await citizen.comment(scene.entryId, { text: "Ich wohne in der Lindenstraße 5.", email: "privat@example.org" })
    ).json() as { id: string; deleteUrl: string };
    const url = new URL(deleteUrl);
    const form = {
      method: "POST" as const,
      url: url.pathname,
      payload: `token=${url.searchParams.get("token")}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    };
    expect((await t.app.inject({ ...form, payload: "token=falsch-falsch-falsch" })).statusCode).toBe(404);
    const deleted = await t.app.inject(form);
    expect(deleted.statusCode).toBe(200);
    const [row] = await t.ctx.db.select().from(websiteComments).where(eq(websiteComments.id, id));
    expect(row).toMatchObject({ status: "deleted", text: "", displayName: "", email: null, sessionId: null });
    const [inbound] = await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, id));
    expect(inbound).toMatchObject({ visibility: "deleted", text: "", authorName: "" });
    const [conversation] = await t.ctx.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, inbound!.conversationId!));
    expect(conversation?.citizenName).toBe("");
    const page = await t.app.inject({ method: "GET", url: `/p/${scene.org.slug}/beitrag/${scene.entryId}` });
    expect(page.body).not.toContain("Lindenstraße");
  });

  it("deletes hashed IP records after 7 days and anonymises comments after the retention period", async () => {
    now = new Date("2026-01-10T10:00:00Z");
    const scene = await buildWebsiteScene(t.ctx);
    await updateWebsiteSettings(t.ctx, {
      actor: systemAdminOf(scene.org.id),
      orgId: scene.org.id,
      input: { ...DEFAULT_WEBSITE_SETTINGS, retentionDays: 30 },
    });
    const citizen = await startCitizen(t.app, scene.org.slug, "198.51.100.11");
    await citizen.acceptNetiquette(scene.netiquette.id);
    const { id } = (
      await citizen.comment(scene.entryId, {
        text: "Alte Frage zum Markt",
        displayName: "Erika M.",
        email: "erika@example.org",
      })
    ).json() as { id: string };
    const events = await t.ctx.db.select().from(publicRateEvents);
    expect(events.some((e) => e.bucket.includes("198.51.100.11"))).toBe(false);

    now = new Date("2026-01-18T10:00:00Z");
    await applyWebsiteRetention(t.ctx);
    const left = await t.ctx.db.select().from(publicRateEvents);
    expect(left.every((e) => e.at.getTime() >= now.getTime() - 7 * 24 * 3_600_000)).toBe(true);
    const [unconfirmed] = await t.ctx.db.select().from(websiteComments).where(eq(websiteComments.id, id));
    expect(unconfirmed).toMatchObject({ email: null, displayName: "Erika M." });
    expect(await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "erika@example.org"))).toEqual([]);

    now = new Date("2026-02-10T10:00:00Z");
    await applyWebsiteRetention(t.ctx);
    const [anonymised] = await t.ctx.db.select().from(websiteComments).where(eq(websiteComments.id, id));
    expect(anonymised).toMatchObject({
      displayName: "Anonym",
      sessionId: null,
      deleteTokenHash: null,
      text: "Alte Frage zum Markt",
    });
    const [inbound] = await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, id));
    expect(inbound).toMatchObject({ authorName: "Anonym", authorHandle: "anonym" });
    const [conversation] = await t.ctx.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, inbound!.conversationId!));
    expect(conversation?.citizenName).toBe("Anonym");
  });
});

describe("embedding on other sites", () => {
  it("answers cross-site calls only from origins the organisation lists", async () => {
    now = new Date("2026-11-25T10:00:00Z");
    const scene = await buildWebsiteScene(t.ctx);
    const url = `/api/public/orgs/${scene.org.slug}/sessions`;
    const foreign = await t.app.inject({ method: "POST", url, headers: { origin: "https://www.musterstadt.de" } });
    expect(foreign.statusCode).toBe(403);
    await updateWebsiteSettings(t.ctx, {
      actor: systemAdminOf(scene.org.id),
      orgId: scene.org.id,
      input: { ...DEFAULT_WEBSITE_SETTINGS, embedOrigins: ["https://www.musterstadt.de/"] },
    });
    // Asked by the organisation's id now: the answer for its slug above is cached for half a minute.
    const preflight = await t.app.inject({
      method: "OPTIONS",
      url: `/api/public/orgs/${scene.org.id}/sessions`,
      headers: { origin: "https://www.musterstadt.de", "access-control-request-method": "POST" },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("https://www.musterstadt.de");
    expect(preflight.headers["access-control-allow-headers"]).toContain("x-draht-session");
    const listed = await t.app.inject({
      method: "POST",
      url: `/api/public/orgs/${scene.org.id}/sessions`,
      headers: { origin: "https://www.musterstadt.de" },
    });
    expect(listed.statusCode).toBe(201);
    expect(listed.headers["cross-origin-resource-policy"]).toBe("cross-origin");
  });
});
