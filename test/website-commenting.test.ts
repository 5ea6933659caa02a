import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundMessages, websiteComments } from "../src/db/schema/index.js";
import { updateWebsiteSettings } from "../src/app/website/update-website-settings.js";
import { DEFAULT_WEBSITE_SETTINGS } from "../src/domain/website/publicSettings.js";
import { buildChannelAccount, buildMember, buildOrg, systemAdminOf } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { buildWebsitePost, buildWebsiteScene, startCitizen } from "./support/website.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_COMMENTS_PER_SESSION: "3", PUBLIC_COMMENTS_PER_IP: "5" } });
});
afterAll(() => t.close());

const errorCode = (response: { json(): unknown }) =>
  (response.json() as { error: { code: string; details?: Record<string, unknown> } }).error;

describe("commenting on a website post", () => {
  it("asks for the Netiquette first, then publishes the comment, stores the accepted version and delivers it to the inbox", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    const citizen = await startCitizen(t.app, scene.org.slug);
    const refused = await citizen.comment(scene.entryId, { text: "Wann öffnet der neue Markt?" });
    expect(refused.statusCode).toBe(409);
    expect(errorCode(refused)).toMatchObject({
      code: "DRAHT_ERR_NETIQUETTE_NOT_ACCEPTED",
      details: { netiquetteId: scene.netiquette.id, version: 1 },
    });

    await citizen.acceptNetiquette(scene.netiquette.id);
    const posted = await citizen.comment(scene.entryId, {
      text: "Wann öffnet der neue Markt?",
      displayName: "Marktfreundin",
    });
    expect(posted.statusCode).toBe(201);
    const { id, status, deleteUrl } = posted.json() as { id: string; status: string; deleteUrl: string };
    expect(status).toBe("visible");
    expect(deleteUrl).toMatch(new RegExp(`/p/${scene.org.slug}/kommentar/${id}/loeschen\\?token=`));

    const [stored] = await t.ctx.db.select().from(websiteComments).where(eq(websiteComments.id, id));
    expect(stored).toMatchObject({
      netiquetteId: scene.netiquette.id,
      authorKind: "citizen",
      displayName: "Marktfreundin",
    });
    const [inbound] = await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, id));
    expect(inbound).toMatchObject({
      kind: "comment",
      channelAccountId: scene.account.id,
      threadExternalId: scene.entryId,
      text: "Wann öffnet der neue Markt?",
      visibility: "visible",
    });

    const page = await t.app.inject({ method: "GET", url: `/p/${scene.org.slug}/beitrag/${scene.entryId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Wann öffnet der neue Markt?");
    expect(page.body).toContain("Marktfreundin");
  });

  it("nests a reply to a reply under the top-level comment and shows the staff answer highlighted", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    const citizen = await startCitizen(t.app, scene.org.slug);
    await citizen.acceptNetiquette(scene.netiquette.id);
    const first = (await citizen.comment(scene.entryId, { text: "Gibt es dort Parkplätze?" })).json() as { id: string };
    const press = await buildMember(t.ctx, scene.org.id, { roles: ["press_office"] });
    const staff = await signIn(t.app, press.email, press.password);
    const answered = await staff.request("POST", `/api/orgs/${scene.org.id}/website/comments/${first.id}/answer`, {
      text: "Ja, 40 Plätze am Rathaus.",
    });
    expect(answered.statusCode).toBe(201);
    const answerId = (answered.json() as { id: string }).id;
    const second = (await citizen.comment(scene.entryId, { text: "Danke!", parentId: answerId })).json() as {
      parentId: string;
    };
    expect(second.parentId).toBe(first.id);

    const thread = (await citizen.call("GET", `/posts/${scene.entryId}`)).json() as {
      comments: { id: string; replies: { authorKind: string; displayName: string; text: string }[] }[];
    };
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]?.replies.map((r) => [r.authorKind, r.text])).toEqual([
      ["staff", "Ja, 40 Plätze am Rathaus."],
      ["citizen", "Danke!"],
    ]);
    expect(thread.comments[0]?.replies[0]?.displayName).toBe(DEFAULT_WEBSITE_SETTINGS.answerLabel);
    const page = await t.app.inject({ method: "GET", url: `/p/${scene.org.slug}/beitrag/${scene.entryId}` });
    expect(page.body).toMatch(/<article class="comment staff"[^>]*>\s*<p class="badge">Antwort der Verwaltung<\/p>/);
  });

  it("holds comments under pre-moderation: the author sees them as waiting, the public does not, until a moderator releases them", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    await updateWebsiteSettings(t.ctx, {
      actor: systemAdminOf(scene.org.id),
      orgId: scene.org.id,
      input: { ...DEFAULT_WEBSITE_SETTINGS, preModeration: "all" },
    });
    const citizen = await startCitizen(t.app, scene.org.slug, "198.51.100.20");
    await citizen.acceptNetiquette(scene.netiquette.id);
    const posted = (await citizen.comment(scene.entryId, { text: "Bitte mehr Bänke am Markt." })).json() as {
      id: string;
      status: string;
    };
    expect(posted.status).toBe("held");
    const own = (await citizen.call("GET", `/posts/${scene.entryId}`)).json() as { comments: { state: string }[] };
    expect(own.comments.map((c) => c.state)).toEqual(["pending"]);
    const stranger = await t.app.inject({
      method: "GET",
      url: `/api/public/orgs/${scene.org.slug}/posts/${scene.entryId}`,
    });
    expect((stranger.json() as { comments: unknown[] }).comments).toEqual([]);
    const [inbound] = await t.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, posted.id));
    expect(inbound?.visibility).toBe("held");

    const moderator = await buildMember(t.ctx, scene.org.id, { roles: ["moderator"] });
    const session = await signIn(t.app, moderator.email, moderator.password);
    const held = (await session.request("GET", `/api/orgs/${scene.org.id}/website/comments?status=held`)).json() as {
      comments: { id: string; moderation: { reason?: string }[] }[];
    };
    expect(held.comments.map((c) => c.id)).toEqual([posted.id]);
    expect(held.comments[0]?.moderation.at(-1)?.reason).toBe("pre_moderation_all");
    const hideWithoutClause = await session.request(
      "POST",
      `/api/orgs/${scene.org.id}/website/comments/${posted.id}/decision`,
      { decision: "hide", clause: 42, reason: "x" },
    );
    expect(hideWithoutClause.statusCode).toBe(400);
    const released = await session.request("POST", `/api/orgs/${scene.org.id}/website/comments/${posted.id}/decision`, {
      decision: "release",
    });
    expect(released.statusCode).toBe(200);
    const after = await t.app.inject({
      method: "GET",
      url: `/api/public/orgs/${scene.org.slug}/posts/${scene.entryId}`,
    });
    expect((after.json() as { comments: { text: string }[] }).comments.map((c) => c.text)).toEqual([
      "Bitte mehr Bänke am Markt.",
    ]);
  });

  it("keeps commenting closed until the organisation has published a Netiquette", async () => {
    const org = await buildOrg(t.ctx);
    const account = await buildChannelAccount(t.ctx, org.id, { network: "website", name: "Website" });
    const { entryId } = await buildWebsitePost(t.ctx, { orgId: org.id, channelAccountId: account.id });
    const citizen = await startCitizen(t.app, org.slug, "198.51.100.30");
    const refused = await citizen.comment(entryId, { text: "Darf ich hier schreiben?" });
    expect(errorCode(refused)).toMatchObject({
      code: "DRAHT_ERR_COMMENTS_CLOSED",
      details: { reason: "no_netiquette" },
    });
    expect(((await citizen.call("GET", `/posts/${entryId}`)).json() as { commentsOpen: boolean }).commentsOpen).toBe(
      false,
    );
  });
});

describe("spam defences, tested with real requests", () => {
  it("refuses missing, forged, wrong and reused proof-of-work", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    const citizen = await startCitizen(t.app, scene.org.slug, "192.0.2.50");
    await citizen.acceptNetiquette(scene.netiquette.id);
    const reason = async (work: unknown) => {
      const response = await citizen.call("POST", `/posts/${scene.entryId}/comments`, {
        displayName: "Bot",
        text: `Test ${Math.random()}`,
        work,
      });
      return response.statusCode === 201
        ? "accepted"
        : (errorCode(response).details?.reason ?? errorCode(response).code);
    };
    const good = await citizen.work();
    const [expires, bits, random, mac] = good.challenge.split(".");
    expect(await reason({ challenge: "nonsense", nonce: "1" })).toBe("malformed");
    expect(await reason({ challenge: `${Number(expires) + 60_000}.${bits}.${random}.${mac}`, nonce: good.nonce })).toBe(
      "forged",
    );
    expect(await reason({ challenge: `${expires}.0.${random}.${mac}`, nonce: good.nonce })).toBe("forged");
    // The nonce must produce at least `bits` leading zero bits; a nonce for another challenge almost never does.
    let wrong = 0;
    for (let i = 0; i < 5; i++)
      if ((await reason({ challenge: (await citizen.work()).challenge, nonce: good.nonce })) === "wrong_nonce") wrong++;
    expect(wrong).toBeGreaterThanOrEqual(4);
    expect(await reason(good)).toBe("accepted");
    expect(await reason(good)).toBe("reused");
  });

  it("refuses a filled-in honeypot and the same comment twice", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    const citizen = await startCitizen(t.app, scene.org.slug, "192.0.2.51");
    await citizen.acceptNetiquette(scene.netiquette.id);
    const bot = await citizen.comment(scene.entryId, { text: "Billige Uhren", website: "https://spam.example" });
    expect(errorCode(bot).code).toBe("DRAHT_ERR_SPAM_SUSPECTED");
    expect((await citizen.comment(scene.entryId, { text: "Wann ist Markt?" })).statusCode).toBe(201);
    const again = await citizen.comment(scene.entryId, { text: "wann ist  Markt" });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again).code).toBe("DRAHT_ERR_DUPLICATE_COMMENT");
  });

  it("limits comments per session and per IP address, saying how long to wait", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    // Addresses of their own in every run: on the shared PostgreSQL test database other files count too.
    const net = Math.floor(Math.random() * 250) + 1;
    const ip = `198.18.${net}.77`;
    const first = await startCitizen(t.app, scene.org.slug, ip);
    await first.acceptNetiquette(scene.netiquette.id);
    for (let i = 1; i <= 3; i++)
      expect((await first.comment(scene.entryId, { text: `Frage Nummer ${i}` })).statusCode).toBe(201);
    const limited = await first.comment(scene.entryId, { text: "Frage Nummer 4" });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);

    // A second session from the same address has its own session budget but shares the address's (5).
    const second = await startCitizen(t.app, scene.org.slug, ip);
    await second.acceptNetiquette(scene.netiquette.id);
    expect((await second.comment(scene.entryId, { text: "Andere Frage A" })).statusCode).toBe(201);
    expect((await second.comment(scene.entryId, { text: "Andere Frage B" })).statusCode).toBe(201);
    expect((await second.comment(scene.entryId, { text: "Andere Frage C" })).statusCode).toBe(429);
    // Another address is not affected.
    const elsewhere = await startCitizen(t.app, scene.org.slug, `198.18.${net}.78`);
    await elsewhere.acceptNetiquette(scene.netiquette.id);
    expect((await elsewhere.comment(scene.entryId, { text: "Von woanders" })).statusCode).toBe(201);
  });
});
