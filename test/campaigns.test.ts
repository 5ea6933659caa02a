// Campaigns on the real database: participants, the fast lane for unchanged templates, free text
// through approval, the campaign's hashtag and window, and the live board.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCampaignBoard } from "../src/app/campaigns/get-campaign-board.js";
import { saveCampaign } from "../src/app/campaigns/save-campaign.js";
import type { AppContext } from "../src/app/context.js";
import { createPost } from "../src/app/posts/create-post.js";
import { submitPost } from "../src/app/posts/submit-post.js";
import type { Database } from "../src/db/client.js";
import { buildChannelAccount, buildMember, buildOrg, buildTestContext, systemAdminOf } from "./support/factories.js";
import { openTestDatabase } from "./support/testDb.js";

let database: Database;
let ctx: AppContext;
const now = new Date("2026-11-23T09:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = buildTestContext(database.db, { clock: () => now });
});
afterAll(() => database.close());

async function marathon() {
  const org = await buildOrg(ctx);
  const account = await buildChannelAccount(ctx, org.id, {
    network: "sandbox",
    approval: { post: "single", campaign_template: "none", campaign_free: "single" },
  });
  const officer = await buildMember(ctx, org.id, { roles: ["editor"] });
  const outsider = await buildMember(ctx, org.id, { roles: ["editor"] });
  const campaign = await saveCampaign(ctx, {
    actor: systemAdminOf(org.id),
    orgId: org.id,
    input: {
      name: "24 Stunden Polizei",
      hashtag: "#24hPolizei",
      startsAt: "2026-11-23T05:00:00Z",
      endsAt: "2026-11-24T05:00:00Z",
      participantIds: [officer.userId],
      templates: [{ id: "streife", title: "Streife", text: "Wir sind auf Streife in der Innenstadt. #24hPolizei" }],
    },
  });
  const post = (
    who: typeof officer,
    body: string,
    templateId: string | null = null,
    scheduledAt = "2026-11-23T10:00:00Z",
  ) =>
    createPost(ctx, {
      actor: who.actor,
      orgId: org.id,
      input: {
        body,
        campaignId: campaign.id,
        templateId,
        scheduledAt,
        channels: [{ channelAccountId: account.id, textOverride: null }],
      },
    });
  return { org, account, officer, outsider, campaign, post };
}

describe("campaigns", () => {
  it("lets unchanged template text take the fast lane while free text goes through approval", async () => {
    const m = await marathon();
    const fromTemplate = await m.post(m.officer, "Wir sind auf Streife in der Innenstadt. #24hPolizei", "streife");
    expect(
      await submitPost(ctx, { actor: m.officer.actor, orgId: m.org.id, postId: fromTemplate.id, revision: 1 }),
    ).toMatchObject({
      status: "scheduled",
      contentType: "campaign_template",
      approvalMode: "none",
    });
    const edited = await m.post(m.officer, "Wir sind auf Streife am Bahnhof. #24hPolizei", "streife");
    expect(
      await submitPost(ctx, { actor: m.officer.actor, orgId: m.org.id, postId: edited.id, revision: 1 }),
    ).toMatchObject({
      status: "in_review",
      contentType: "campaign_free",
      approvalMode: "single",
    });
    const board = await getCampaignBoard(ctx, {
      actor: systemAdminOf(m.org.id),
      orgId: m.org.id,
      campaignId: m.campaign.id,
    });
    expect(board?.columns.find((c) => c.status === "scheduled")?.count).toBe(1);
    expect(board?.columns.find((c) => c.status === "in_review")?.count).toBe(1);
    expect(board).toMatchObject({ total: 2, fastLane: 1 });
  });

  it("accepts only participants as authors", async () => {
    const m = await marathon();
    await expect(m.post(m.outsider, "Hallo #24hPolizei")).rejects.toMatchObject({
      code: "NOT_ALLOWED",
      details: { reason: "not_a_campaign_participant" },
    });
  });

  it("blocks posts without the campaign's hashtag or outside its window", async () => {
    const m = await marathon();
    const late = await m.post(m.officer, "Feierabend.", null, "2026-11-24T06:00:00Z");
    const refused = await submitPost(ctx, {
      actor: m.officer.actor,
      orgId: m.org.id,
      postId: late.id,
      revision: 1,
    }).catch((e) => e);
    expect(refused.code).toBe("GUIDELINE_VIOLATION");
    expect(refused.details.findings.map((f: { rule: string }) => f.rule).sort()).toEqual([
      "campaign_hashtag",
      "campaign_window",
    ]);
  });
});
