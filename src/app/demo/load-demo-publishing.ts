// Demo publishing setup for Musterstadt: a website channel, a sandbox standing in for Mastodon, and a
// guideline in force that asks for "Sie", names forbidden words and allowed link domains.
import { saveCampaign } from "../campaigns/save-campaign.js";
import { createChannelAccount } from "../channels/create-channel-account.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { activateGuideline } from "../guidelines/activate-guideline.js";
import { createGuidelineVersion } from "../guidelines/create-guideline-version.js";

export const DEMO_GUIDELINE_DOCUMENT = `# Social-Media-Richtlinie der Stadt Musterstadt

1. **Anrede:** Wir sprechen Bürgerinnen und Bürger mit „Sie“ an.
2. **Sprache:** Klar, freundlich und verständlich; kurze Sätze, keine Behördensprache.
3. **Links:** Wir verlinken auf eigene Angebote (musterstadt.de) und auf Behördenseiten (bund.de, nrw.de).
4. **Barrierefreiheit:** Jedes Bild hat einen Alternativtext, jedes Video Untertitel.
5. **Freigabe:** Beiträge werden vor der Veröffentlichung von der Pressestelle freigegeben.
6. **Verantwortung:** Für jeden Kanal ist eine Person benannt, die für seine Inhalte einsteht.`;

export async function loadDemoPublishing(
  ctx: AppContext,
  options: {
    admin: OrgActor;
    orgId: string;
    pressDepartmentId: string;
    pressUserId: string;
    editorUserId: string;
    today: Date;
  },
) {
  const { admin, orgId } = options;
  const officeHours = { timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5, 6, 7], from: "06:00", to: "22:00" };
  const website = await createChannelAccount(ctx, {
    actor: admin,
    orgId,
    input: {
      name: "Website Musterstadt",
      network: "website",
      departmentId: options.pressDepartmentId,
      accountableUserId: options.pressUserId,
      approval: { post: "single", campaign_template: "none", campaign_free: "single" },
    },
  });
  await createChannelAccount(ctx, {
    actor: admin,
    orgId,
    input: {
      name: "Mastodon (Sandbox)",
      network: "sandbox",
      emulates: "mastodon",
      departmentId: options.pressDepartmentId,
      accountableUserId: options.pressUserId,
      postingWindows: [officeHours],
      approval: { post: "single", campaign_template: "none", campaign_free: "single" },
    },
  });
  const reviewBy = new Date(options.today.getTime() + 180 * 86_400_000).toISOString().slice(0, 10);
  const guideline = await createGuidelineVersion(ctx, {
    actor: admin,
    orgId,
    input: {
      title: "Social-Media-Richtlinie",
      document: DEMO_GUIDELINE_DOCUMENT,
      ownerUserId: options.pressUserId,
      reviewBy,
      rules: {
        addressForm: {
          required: "formal",
          severity: "blocker",
          reason: "Richtlinie Nr. 1: Wir sprechen Bürgerinnen und Bürger mit „Sie“ an.",
        },
        forbiddenTerms: [
          {
            term: "Behördengänger",
            severity: "warning",
            reason: "Richtlinie Nr. 2: keine abwertende Behördensprache.",
          },
        ],
        allowedLinkDomains: {
          domains: ["musterstadt.de", "bund.de", "nrw.de"],
          severity: "blocker",
          reason: "Richtlinie Nr. 3: nur eigene Angebote und Behördenseiten.",
        },
        readability: {
          minScore: 30,
          minWords: 20,
          severity: "warning",
          reason: "Richtlinie Nr. 2: verständlich schreiben.",
        },
        altText: { severity: "blocker", reason: "Richtlinie Nr. 4: Barrierefreiheit (BITV 2.0)." },
      },
    },
  });
  await activateGuideline(ctx, { actor: admin, orgId, guidelineId: guideline.id });
  const day = 86_400_000;
  await saveCampaign(ctx, {
    actor: admin,
    orgId,
    input: {
      name: "24 Stunden Rathaus",
      hashtag: "#24hRathaus",
      startsAt: new Date(options.today.getTime() - day).toISOString(),
      endsAt: new Date(options.today.getTime() + 30 * day).toISOString(),
      departmentId: options.pressDepartmentId,
      participantIds: [options.pressUserId, options.editorUserId],
      templates: [
        {
          id: "buergeramt",
          title: "Bürgeramt geöffnet",
          text: "Das Bürgeramt ist heute bis 18 Uhr für Sie geöffnet. Termine: https://www.musterstadt.de/termine #24hRathaus",
        },
        {
          id: "winterdienst",
          title: "Winterdienst unterwegs",
          text: "Der Winterdienst ist unterwegs. Bitte fahren Sie vorsichtig. #24hRathaus",
        },
      ],
    },
  });
  return { websiteAccountId: website.id };
}
