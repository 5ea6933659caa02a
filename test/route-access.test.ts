// Enumerates every API route the server registers and proves that strangers, members of another
// organisation and members without the needed role are refused and see nothing; and that members limited
// to a department are refused, or find nothing in their lists, for what is another department's or the
// whole organisation's.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Action, ROLES, ROLE_GRANTS, type Role } from "../src/domain/roles.js";
import type { RegisteredRoute } from "../src/server/access.js";
import { updateMember } from "../src/app/members/update-member.js";
import { inviteMember } from "../src/app/invitations/invite-member.js";
import { activateGuideline } from "../src/app/guidelines/activate-guideline.js";
import { createGuidelineVersion } from "../src/app/guidelines/create-guideline-version.js";
import { saveCampaign } from "../src/app/campaigns/save-campaign.js";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import { createConnectorRegistry } from "../src/channels/registry.js";
import { signedMediaUrl } from "../src/app/media/get-signed-medium.js";
import { runPublishRound } from "../src/jobs/publishWorker.js";
import {
  buildChannelAccount,
  buildDepartment,
  buildMedia,
  buildMember,
  buildOrg,
  samplePng,
  systemAdminOf,
} from "./support/factories.js";
import { LIMITED_LISTS, type ListBody, limitedExpectation } from "./support/limitedAccess.js";
import { type SignedIn, type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { buildCitizenComment, buildConversation } from "./support/website.js";
import { createArticle } from "../src/app/knowledge/create-article.js";
import { DEPARTMENT_IN_BODY, SAMPLE_BODIES } from "./support/routeBodies.js";
import { saveReplyTemplate } from "../src/app/inbox/reply-templates.js";
import { assignConversations } from "../src/app/inbox/assign-conversations.js";
import { recordConversationResponse } from "../src/app/inbox/recordResponse.js";
import { eq } from "drizzle-orm";
import { inboundMessages } from "../src/db/schema/index.js";
import { addAbsence } from "../src/app/inbox/coverage-plan.js";
import { buildAttachment, buildReply } from "./support/inbox.js";
import { buildAlert, buildModerationCase, buildUnmoderatedMessage } from "./support/moderation.js";
import { publishNetiquette } from "../src/app/website/publish-netiquette.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import { type LocalBluesky, startLocalBluesky } from "./peers/bluesky/localNetwork.js";
import { type MastodonPeer, startMastodonPeer } from "./peers/mastodon/mastodonPeer.js";
import { LOCAL_NETWORK_ENV } from "./support/localNetworks.js";
import { buildCollection, buildSharedItem } from "./support/sharedItems.js";
import { buildFeedItem, buildFeedSubscription } from "./support/feedItems.js";
import { setCollectionFeed } from "../src/app/feeds/publish-collection-feed.js";

let t: TestApp;
let loopback: string;
let mastodon: MastodonPeer;
let bluesky: LocalBluesky;
let blueskyUser: { identifier: string; password: string };
beforeAll(async () => {
  t = await startTestApp({ env: LOCAL_NETWORK_ENV });
  // Subscribing to a feed fetches it: from this same installation, over loopback (trusted in LOCAL_NETWORK_ENV).
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  loopback = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  SAMPLE_BODIES["POST /api/orgs/:orgId/media"] = await samplePng();
  // Connecting needs a network that answers: the fake Mastodon server and a local Bluesky network.
  [mastodon, bluesky] = await Promise.all([startMastodonPeer(), startLocalBluesky({ appView: false })]);
  const user = await bluesky.createUser(`stadt-${Math.random().toString(36).slice(2, 8)}.test`);
  const appPassword = await user.agent.com.atproto.server.createAppPassword({ name: "draht" });
  blueskyUser = { identifier: user.agent.session?.handle ?? "", password: appPassword.data.password };
  SAMPLE_BODIES["POST /api/orgs/:orgId/channels/:channelAccountId/connection/app-password"] = blueskyUser;
}, 60_000);
afterAll(async () => {
  await t.close();
  await mastodon?.close();
  await bluesky?.close();
});

/** Bodies that name rows of the organisation at hand (of the given department, else the whole organisation's). */
const BODIES_IN_ORG: Record<string, (orgId: string, departmentId: string | null) => Promise<unknown>> = {
  "POST /api/orgs/:orgId/inbox/status": async (orgId, departmentId) => ({
    conversationIds: [await placed(orgId, await buildConversation(t.ctx, t.app, orgId), departmentId)],
    event: "closed",
  }),
  "POST /api/orgs/:orgId/inbox/assignments": async (orgId, departmentId) => ({
    conversationIds: [await placed(orgId, await buildConversation(t.ctx, t.app, orgId), departmentId)],
    departmentId: null,
  }),
  "POST /api/orgs/:orgId/moderation/reports": async (orgId, departmentId) => {
    const messageId = await buildUnmoderatedMessage(t.ctx, t.app, orgId);
    await placed(orgId, await conversationOf({ messageId }), departmentId);
    return { messageId, reason: "Bitte prüfen" };
  },
  "POST /api/orgs/:orgId/knowledge/collections/:collectionId/items": async (orgId) => {
    await publishNetiquette(t.ctx, { actor: systemAdminOf(orgId), orgId, input: DEFAULT_NETIQUETTE });
    return { kind: "netiquette" };
  },
  // A feed another organisation publishes, reached over loopback, with its key's fingerprint.
  "POST /api/orgs/:orgId/knowledge/feeds": async () => {
    const publisher = (await buildOrg(t.ctx)).id;
    const collectionId = await buildCollection(t.ctx, publisher);
    const actor = systemAdminOf(publisher);
    const feed = await setCollectionFeed(t.ctx, { actor, orgId: publisher, collectionId, published: true });
    return { url: `${loopback}${new URL(feed.url).pathname}`, fingerprint: feed.fingerprint };
  },
  "PUT /api/orgs/:orgId/moderation/settings": async (orgId) => {
    await publishNetiquette(t.ctx, { actor: systemAdminOf(orgId), orgId, input: DEFAULT_NETIQUETTE });
    return {};
  },
  "POST /api/orgs/:orgId/invitations/revoke": async (orgId) => ({
    invitationId: (
      await inviteMember(t.ctx, {
        actor: systemAdminOf(orgId),
        orgId,
        input: { email: `eingeladen-${orgId}@example.org`, name: "Eingeladen", roles: ["analyst"] },
      })
    ).invitationId,
  }),
  "POST /api/orgs/:orgId/inbox/absences": async (orgId) => ({
    userId: (await buildMember(t.ctx, orgId, { roles: ["editor"] })).userId,
    startsOn: "2030-01-01",
    endsOn: "2030-01-05",
  }),
};

async function bodyFor(route: RegisteredRoute, orgId: string, departmentId: string | null = null): Promise<unknown> {
  const build = BODIES_IN_ORG[keyOf(route)];
  if (build) return build(orgId, departmentId);
  const sample = SAMPLE_BODIES[keyOf(route)];
  return departmentId && DEPARTMENT_IN_BODY.has(keyOf(route)) ? { ...(sample as object), departmentId } : sample;
}

/** Hands a conversation to a department (null: leaves it with the whole organisation). */
async function placed(orgId: string, conversationId: string, departmentId: string | null): Promise<string> {
  const input = { conversationIds: [conversationId], departmentId };
  if (departmentId) await assignConversations(t.ctx, { actor: systemAdminOf(orgId), orgId, input });
  return conversationId;
}

/** The conversation a citizen's comment or message was threaded into. */
async function conversationOf(of: { commentId: string } | { messageId: string }): Promise<string> {
  const [row] = await t.ctx.db
    .select({ conversationId: inboundMessages.conversationId })
    .from(inboundMessages)
    .where("commentId" in of ? eq(inboundMessages.externalId, of.commentId) : eq(inboundMessages.id, of.messageId));
  if (!row?.conversationId) throw new Error("not threaded into a conversation");
  return row.conversationId;
}

/** A post in the state the route needs, written by another person (approvers never decide on their own posts). */
async function postFor(url: string, orgId: string, departmentId: string | null): Promise<string> {
  const failing = url.endsWith("/retry");
  const published = url.endsWith("/retract");
  const account = await buildChannelAccount(t.ctx, orgId, {
    network: "sandbox",
    settings: failing ? { failWith: "permanent" } : {},
    approval: { post: failing || published ? "none" : "single", campaign_template: "none", campaign_free: "single" },
  });
  const author = await buildMember(t.ctx, orgId, { roles: ["press_office"] });
  const post = await createPost(t.ctx, {
    actor: author.actor,
    orgId,
    input: { body: "Hallo", departmentId, channels: [{ channelAccountId: account.id, textOverride: null }] },
  });
  if (/\/(decision|withdraw|retry|retract)$/.test(url))
    await submitPost(t.ctx, { actor: author.actor, orgId, postId: post.id, revision: 1 });
  if (failing || published) {
    const connectors = createConnectorRegistry({
      db: t.ctx.db,
      clock: t.ctx.clock,
      publicUrl: "http://localhost",
      networkServers: t.ctx.networkServers,
    });
    while ((await runPublishRound(t.ctx, { connectors })).length > 0);
  }
  return post.id;
}

/** The route's address with rows made for it: of the given department, else of the whole organisation. */
async function fillParams(route: RegisteredRoute, orgId: string, departmentId: string | null = null): Promise<string> {
  let url = route.url.replace(":orgId", orgId);
  if (url.includes(":departmentId")) url = url.replace(":departmentId", (await buildDepartment(t.ctx, orgId)).id);
  if (url.includes(":userId"))
    url = url.replace(":userId", (await buildMember(t.ctx, orgId, { roles: ["editor"] })).userId);
  if (url.includes(":channelAccountId")) {
    const network = url.endsWith("/connection/oauth")
      ? { network: "mastodon" as const, settings: { serverUrl: mastodon.url } }
      : url.endsWith("/connection/app-password")
        ? { network: "bluesky" as const, settings: { serviceUrl: bluesky.pdsUrl } }
        : url.endsWith("/webhook")
          ? { network: "sandbox" as const }
          : {};
    url = url.replace(":channelAccountId", (await buildChannelAccount(t.ctx, orgId, { ...network, departmentId })).id);
  }
  if (url.includes(":guidelineId")) {
    const actor = systemAdminOf(orgId);
    const draft = await createGuidelineVersion(t.ctx, {
      actor,
      orgId,
      input: { title: "Richtlinie", rules: {}, reviewBy: "2030-01-01" },
    });
    if (!url.endsWith("/activate")) await activateGuideline(t.ctx, { actor, orgId, guidelineId: draft.id });
    url = url.replace(":guidelineId", draft.id);
  }
  if (url.includes(":postId")) url = url.replace(":postId", await postFor(url, orgId, departmentId));
  if (url.endsWith("/holidays")) url += "?from=2026&to=2026";
  // The one search: a word of the post the lists are seeded with (seedLists).
  if (url.endsWith("/search")) url += "?q=Hallo";
  if (url.endsWith("/media")) url += departmentId ? `?name=bild.png&departmentId=${departmentId}` : "?name=bild.png";
  if (url.includes(":mediaId")) url = url.replace(":mediaId", (await buildMedia(t.ctx, orgId, { departmentId })).id);
  if (url.includes(":campaignId")) {
    const input = {
      name: "Marathon",
      hashtag: "#24hPolizei",
      startsAt: "2030-01-01T06:00:00Z",
      endsAt: "2030-01-02T06:00:00Z",
      departmentId,
    };
    url = url.replace(":campaignId", (await saveCampaign(t.ctx, { actor: systemAdminOf(orgId), orgId, input })).id);
  }
  if (url.includes(":replyId")) {
    const { conversationId, replyId } = await buildReply(
      t.ctx,
      t.app,
      orgId,
      url.endsWith("/retry") ? "failed" : "in_review",
    );
    url = url
      .replace(":conversationId", await placed(orgId, conversationId, departmentId))
      .replace(":replyId", replyId);
  }
  if (url.includes(":attachmentId")) {
    const { conversationId, attachmentId } = await buildAttachment(t.ctx, orgId);
    url = url
      .replace(":conversationId", await placed(orgId, conversationId, departmentId))
      .replace(":attachmentId", attachmentId);
  }
  if (url.includes(":absenceId")) {
    const member = await buildMember(t.ctx, orgId, { roles: ["editor"] });
    const input = { userId: member.userId, startsOn: "2030-01-01", endsOn: "2030-01-05" };
    url = url.replace(":absenceId", (await addAbsence(t.ctx, { actor: systemAdminOf(orgId), orgId, input })).id);
  }
  if (url.includes(":conversationId"))
    url = url.replace(
      ":conversationId",
      await placed(orgId, await buildConversation(t.ctx, t.app, orgId), departmentId),
    );
  if (url.includes(":templateId")) {
    const input = { title: "Vorlage", body: "Guten Tag {{name}}", departmentId };
    url = url.replace(
      ":templateId",
      (await saveReplyTemplate(t.ctx, { actor: systemAdminOf(orgId), orgId, templateId: null, input })).id,
    );
  }
  if (url.includes(":articleId")) {
    // An article's picture: the file named in the URL, shown by the article.
    const shown = /\/media\/([0-9a-f-]{36})/.exec(url)?.[1];
    const body = shown ? `Termin online.\n\n![Bild](media:${shown})` : "Termin online.";
    const input = { title: "Sperrmüll", body, reviewBy: "2030-01-01", departmentId };
    url = url.replace(":articleId", (await createArticle(t.ctx, { actor: systemAdminOf(orgId), orgId, input })).id);
    if (url.endsWith("/diff")) url += "?from=1&to=1";
  }
  if (url.includes(":collectionId")) {
    const collectionId = await buildCollection(t.ctx, orgId);
    // Stopping a feed needs one published.
    if (route.method === "DELETE" && url.endsWith("/feed"))
      await setCollectionFeed(t.ctx, { actor: systemAdminOf(orgId), orgId, collectionId, published: true });
    url = url.replace(":collectionId", collectionId);
  }
  if (url.includes(":feedId")) url = url.replace(":feedId", (await buildFeedSubscription(t.ctx, orgId)).feedId);
  if (url.includes("/feed-items/:itemId"))
    url = url.replace(
      ":itemId",
      await buildFeedItem(t.ctx, orgId, url.endsWith("/decline") ? "newer" : "fresh", departmentId),
    );
  if (url.includes(":itemId")) {
    const mode = url.endsWith("/adopt") ? "offered" : url.endsWith("/decline") ? "newer" : "own";
    url = url.replace(":itemId", await buildSharedItem(t.ctx, orgId, mode, departmentId));
  }
  if (url.endsWith("/inbox/events")) url += "?lifetime=0";
  url = url.replace("/channel-networks/:network", "/channel-networks/facebook");
  if (url.includes(":commentId")) {
    const commentId = await buildCitizenComment(t.ctx, t.app, orgId);
    await placed(orgId, await conversationOf({ commentId }), departmentId);
    url = url.replace(":commentId", commentId);
  }
  if (url.includes(":caseId")) {
    const decided = url.endsWith("/review") || url.endsWith("/appeal");
    const built = await buildModerationCase(t.ctx, t.app, orgId, { threat: url.includes(":evidenceId"), decided });
    await placed(orgId, await conversationOf({ commentId: built.commentId }), departmentId);
    url = url
      .replace(":caseId", built.caseId)
      .replace(":evidenceId", built.evidenceId ?? "")
      .replace(":format", "json");
  }
  if (url.includes(":alertId")) url = url.replace(":alertId", await buildAlert(t.ctx, orgId, departmentId));
  return url;
}

const keyOf = (route: RegisteredRoute) => `${route.method} ${route.url}`;

function expectRefusedWithNothing(response: { statusCode: number; json(): unknown }, allowed: number[]) {
  expect(allowed).toContain(response.statusCode);
  expect(Object.keys(response.json() as object)).toEqual(["error"]);
}

describe("every API route", () => {
  it("declares its access rule (the server refuses to start otherwise) and the list is not empty", () => {
    expect(t.routes.length).toBeGreaterThan(10);
    for (const route of t.routes) expect(route.access).toBeDefined();
  });

  it("refuses callers without a session, except the public ones", async () => {
    for (const route of t.routes.filter((r) => r.access.kind !== "public")) {
      const org = await buildOrg(t.ctx);
      const response = await t.app.inject({
        method: route.method as "GET",
        url: await fillParams(route, org.id),
        payload: (await bodyFor(route, org.id)) as object,
      });
      expect(response.statusCode, keyOf(route)).toBe(401);
      expectRefusedWithNothing(response, [401]);
    }
  }, 120_000); // an organisation and its rows for every route (11 s on a quiet machine, 31 s under load)

  it("opens the routes about oneself to every signed-in person, whatever their roles", async () => {
    // They name no person: the session's own (notification channels, push browsers).
    const own = t.routes.filter((r) => r.url.startsWith("/api/account/"));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.access.kind === "session")).toBe(true);
    const org = await buildOrg(t.ctx);
    for (const roles of [["analyst"], ["administrator"]] satisfies Role[][]) {
      const person = await signInAs(org.id, roles);
      for (const route of own) {
        const response = await person.request(route.method, route.url, await bodyFor(route, org.id));
        expect(response.statusCode, `${keyOf(route)} ${response.body}`).toBe(200);
      }
    }
  });

  it("takes deliveries at the public webhook endpoint only by the network's signature, whoever calls", async () => {
    const webhookRoutes = t.routes.filter((r) => r.url.startsWith("/api/webhooks/"));
    expect(webhookRoutes.map(keyOf).sort()).toEqual([
      "GET /api/webhooks/:network/:channelAccountId",
      "POST /api/webhooks/:network/:channelAccountId",
    ]);
    expect(webhookRoutes.every((r) => r.access.kind === "public")).toBe(true);
    const org = await buildOrg(t.ctx);
    const account = await buildChannelAccount(t.ctx, org.id, { network: "sandbox" });
    const admin = await signInAs(org.id, ["administrator"]);
    expect((await admin.request("PUT", `/api/orgs/${org.id}/channels/${account.id}/webhook`, {})).statusCode).toBe(200);
    const path = `/api/webhooks/sandbox/${account.id}`;
    const body = { object: "page", entry: [{ id: "1", time: 1, changes: [] }] };
    // A stranger, and the organisation's own administrator with session and CSRF token: no signature, no entry.
    const stranger = await t.app.inject({ method: "POST", url: path, payload: body });
    expectRefusedWithNothing(stranger, [401]);
    expectRefusedWithNothing(await admin.request("POST", path, body), [401]);
    const handshake = await admin.request("GET", `${path}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`);
    expectRefusedWithNothing(handshake, [403]);
  });

  it("serves a medium at its signed address by the signature alone: no session opens it, a forged one is refused", async () => {
    const signed = t.routes.filter((r) => r.url.startsWith("/api/media/signed/"));
    expect(signed.map(keyOf)).toEqual(["GET /api/media/signed/:mediaId"]);
    expect(signed.every((r) => r.access.kind === "public")).toBe(true);
    const org = await buildOrg(t.ctx);
    const medium = await buildMedia(t.ctx, org.id);
    const url = new URL(signedMediaUrl(t.ctx, { mediaId: medium.id, ttlMs: 60_000 }));
    const forged = `${url.pathname}?exp=${url.searchParams.get("exp")}&sig=${"A".repeat(43)}`;
    // A stranger, and the organisation's own administrator with a session: a forged signature opens nothing.
    expectRefusedWithNothing(await t.app.inject({ method: "GET", url: forged }), [403]);
    const admin = await signInAs(org.id, ["administrator"]);
    expectRefusedWithNothing(await admin.request("GET", forged), [403]);
    expect((await t.app.inject({ method: "GET", url: `${url.pathname}${url.search}` })).statusCode).toBe(200);
  });

  it("refuses administrators of another organisation and shows them nothing", async () => {
    const home = await buildOrg(t.ctx);
    const admin = await buildMember(t.ctx, home.id, { roles: ["administrator"] });
    const stranger = await signIn(t.app, admin.email, admin.password);
    for (const route of t.routes.filter((r) => r.access.kind === "org")) {
      const victim = await buildOrg(t.ctx);
      const url = await fillParams(route, victim.id);
      const response = await stranger.request(route.method, url, await bodyFor(route, victim.id));
      expectRefusedWithNothing(response, [403, 404]);
      expect(response.body, keyOf(route)).not.toContain(victim.name);
    }
  });

  it("refuses members whose roles lack the route's action, and allows administrators", async () => {
    // One organisation and its people per action (not per route): the routes of an action share who may call them,
    // and each call gets its own things to act on (fillParams, bodyFor).
    const people = new Map<string, { orgId: string; refused: SignedIn[]; admin: SignedIn }>();
    const peopleFor = async (action: Action) => {
      const known = people.get(action);
      if (known) return known;
      const org = await buildOrg(t.ctx);
      const lacking = ROLES.filter((role) => !ROLE_GRANTS[role].includes(action));
      const refused: SignedIn[] = [];
      for (const role of lacking) refused.push(await signInAs(org.id, [role]));
      // Actions every role has: a disabled membership stands for "no role".
      refused.push(await signInDisabled(org.id));
      const made = { orgId: org.id, refused, admin: await signInAs(org.id, ["administrator"]) };
      people.set(action, made);
      return made;
    };
    for (const route of t.routes.filter((r) => r.access.kind === "org")) {
      if (route.access.kind !== "org") continue;
      const { orgId, refused, admin } = await peopleFor(route.access.action);
      const org = { id: orgId };
      for (const user of refused) {
        const response = await user.request(
          route.method,
          await fillParams(route, org.id),
          await bodyFor(route, org.id),
        );
        expectRefusedWithNothing(response, [403, 404]);
      }
      const allowed = await admin.request(route.method, await fillParams(route, org.id), await bodyFor(route, org.id));
      expect(allowed.statusCode, `${keyOf(route)}: ${allowed.body}`).toBeLessThan(300);
    }
  }, 180_000); // every organisation route for every role
});

/** One of each listed thing in the organisation, of the department (or none), and its notification for `userIds`. */
async function seedLists(
  orgId: string,
  departmentId: string | null,
  userIds: string[],
  options: { answered?: boolean; released?: boolean } = {},
): Promise<void> {
  const author = await buildMember(t.ctx, orgId, { roles: ["press_office"] });
  const campaign = await saveCampaign(t.ctx, {
    actor: systemAdminOf(orgId),
    orgId,
    input: {
      name: "Marathon",
      hashtag: "#Lauf",
      startsAt: "2030-01-01T06:00:00Z",
      endsAt: "2030-01-02T06:00:00Z",
      departmentId,
    },
  });
  await createPost(t.ctx, {
    actor: author.actor,
    orgId,
    input: { body: "Hallo #Lauf", departmentId, campaignId: campaign.id },
  });
  await buildMedia(t.ctx, orgId, { departmentId });
  const template = { title: "Vorlage", body: "Guten Tag {{name}}", departmentId };
  await saveReplyTemplate(t.ctx, { actor: systemAdminOf(orgId), orgId, templateId: null, input: template });
  await buildAlert(t.ctx, orgId, departmentId);
  const built = await buildModerationCase(t.ctx, t.app, orgId);
  const conversationId = await placed(orgId, await conversationOf({ commentId: built.commentId }), departmentId);
  for (const userId of userIds) {
    const input = { conversationIds: [conversationId], assigneeUserId: userId };
    await assignConversations(t.ctx, { actor: systemAdminOf(orgId), orgId, input });
  }
  // The topics report counts visible messages only: the moderator let the case's message through.
  if (options.released)
    await t.ctx.db
      .update(inboundMessages)
      .set({ visibility: "visible" })
      .where(eq(inboundMessages.conversationId, conversationId));
  // The response-time report counts first answers (which take the conversation off other lists).
  if (options.answered)
    await t.ctx.db.transaction((tx) =>
      recordConversationResponse(tx, { conversationId, userId: userIds[0] ?? null, at: t.ctx.clock() }),
    );
}

describe("a member limited to one department", () => {
  it.each([
    ["of another department", false],
    ["of the whole organisation (no department)", true],
  ])(
    "is refused things %s on every route, and their lists leave them out",
    async (_label, orgWide) => {
      for (const route of t.routes.filter((r) => r.access.kind === "org")) {
        const key = keyOf(route);
        // A fresh organisation per route, as above: what one route's rows set up must not steer the next.
        const org = await buildOrg(t.ctx);
        const theirs = await buildDepartment(t.ctx, org.id);
        const departmentId = orgWide ? null : (await buildDepartment(t.ctx, org.id)).id;
        const member = await buildMember(t.ctx, org.id, { roles: ["administrator"], departmentIds: [theirs.id] });
        const limited = await signIn(t.app, member.email, member.password);
        const expected = limitedExpectation(key, orgWide);
        const admin = expected === "filtered" ? await buildMember(t.ctx, org.id, { roles: ["administrator"] }) : null;
        if (admin)
          await seedLists(org.id, departmentId, [admin.userId, member.userId], {
            answered: key === "GET /api/orgs/:orgId/reports/response-times",
            released: key === "GET /api/orgs/:orgId/reports/topics",
          });
        const url = await fillParams(route, org.id, departmentId);
        const response = await limited.request(route.method, url, await bodyFor(route, org.id, departmentId));
        if (expected === "refused") {
          expect(response.statusCode, `${key}: ${response.body}`).toBe(403);
          expectRefusedWithNothing(response, [403]);
          expect(response.json().error.details, key).toMatchObject({ reason: "department" });
        } else if (expected === "shared") {
          expect(response.statusCode, `${key}: ${response.body}`).toBeLessThan(300);
        } else if (admin) {
          const list = LIMITED_LISTS[key] ?? (() => []);
          expect(response.statusCode, `${key}: ${response.body}`).toBe(200);
          expect(list(response.json() as ListBody), key).toEqual([]);
          // Not empty for someone without a limit: the list did have something to leave out.
          const unlimited = await signIn(t.app, admin.email, admin.password);
          expect(list((await unlimited.request(route.method, url)).json() as ListBody).length, key).toBeGreaterThan(0);
        }
      }
    },
    240_000,
  );
});

async function signInAs(orgId: string, roles: Role[]): Promise<SignedIn> {
  const member = await buildMember(t.ctx, orgId, { roles });
  return signIn(t.app, member.email, member.password);
}

async function signInDisabled(orgId: string): Promise<SignedIn> {
  const member = await buildMember(t.ctx, orgId, { roles: ["administrator"] });
  const other = await buildOrg(t.ctx);
  // Still active elsewhere, so the session survives and only this organisation refuses.
  await buildMember(t.ctx, other.id, { roles: ["editor"], email: member.email });
  const user = await signIn(t.app, member.email, member.password);
  await buildMember(t.ctx, orgId, { roles: ["administrator"] }); // keeps one active administrator
  await updateMember(t.ctx, { actor: systemAdminOf(orgId), orgId, userId: member.userId, input: { disabled: true } });
  return user;
}
