// Demo dialogue on Musterstadt's own website: settings, the default Netiquette, two published posts
// (one with a picture of the market, one with the poll "Tier des Monats") and a short thread with an
// answer of the Stadtverwaltung, written through the same use cases citizens and staff use.
import { randomUUID } from "node:crypto";
import { websiteEntries, websiteEntryMedia, websitePolls } from "../../db/schema/index.js";
import { DEFAULT_NETIQUETTE } from "../../domain/website/netiquette.js";
import { actorInOrganisation } from "../auth/actor-in-organisation.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { uploadMedia } from "../media/upload-media.js";
import { acceptNetiquette } from "../website/accept-netiquette.js";
import { answerWebsiteComment } from "../website/answer-website-comment.js";
import { postCitizenComment } from "../website/post-citizen-comment.js";
import { issueChallenge, solveChallenge } from "../website/proofOfWork.js";
import { publishNetiquette } from "../website/publish-netiquette.js";
import { startCitizenSession } from "../website/start-citizen-session.js";
import { updateWebsiteSettings } from "../website/update-website-settings.js";
import { DEMO_IMAGE_ALT, demoMarketImage } from "./demoImage.js";

export const DEMO_POLL_TEXT =
  "Wahl zum Tier des Monats: Im Stadtpark leben viele Tiere, die selten jemand sieht. Stimmen Sie ab, welches Tier wir im Dezember vorstellen! Die Umweltberatung erzählt dann, wie Sie es im Winter unterstützen können.";
/** The demo's threat: no word of the old phrase list, a weapon and a place announced in the first person. */
export const DEMO_THREAT_TEXT = "Ich komme morgen mit einem Messer ins Rathaus.";
export const DEMO_MARKET_TEXT =
  "Der Wochenmarkt zieht um: Ab dem 1. Dezember finden Sie die Stände mittwochs und samstags auf dem Rathausplatz.\n\nDie Marktzeiten bleiben gleich (7 bis 13 Uhr). Fragen beantworten wir gern hier in den Kommentaren.";

export async function loadDemoWebsite(
  ctx: AppContext,
  options: { admin: OrgActor; orgId: string; websiteAccountId: string; pressUserId: string; today: Date },
) {
  const { admin, orgId } = options;
  await updateWebsiteSettings(ctx, {
    actor: admin,
    orgId,
    input: {
      impressumUrl: "https://www.musterstadt.example/impressum",
      privacyUrl: "https://www.musterstadt.example/datenschutz",
      preModeration: "none",
      commentsOpen: true,
      retentionDays: 365,
      embedOrigins: [],
      accentColor: "#0b5394",
      answerLabel: "Antwort der Stadtverwaltung",
      transparencyPage: true,
    },
  });
  const netiquette = await publishNetiquette(ctx, { actor: admin, orgId, input: DEFAULT_NETIQUETTE });
  const hour = 3_600_000;
  const publish = async (text: string, at: Date) => {
    const [entry] = await ctx.db
      .insert(websiteEntries)
      .values({
        orgId,
        channelAccountId: options.websiteAccountId,
        idempotencyKey: `demo-${randomUUID()}`,
        text,
        publishedAt: at,
      })
      .returning({ id: websiteEntries.id });
    if (!entry) throw new Error("demo entry not created");
    return entry.id;
  };
  const market = await publish(DEMO_MARKET_TEXT, new Date(options.today.getTime() - 26 * hour));
  const picture = await uploadMedia(ctx, {
    actor: admin,
    orgId,
    bytes: await demoMarketImage(),
    maxBytes: 10_000_000,
    meta: { fileName: "rathausplatz-markt.jpg", altText: DEMO_IMAGE_ALT, rightsHolder: "Stadt Musterstadt" },
  });
  await ctx.db.insert(websiteEntryMedia).values({ entryId: market, mediaId: picture.id, position: 0 });
  const pollEntry = await publish(DEMO_POLL_TEXT, new Date(options.today.getTime() - 2 * hour));
  await ctx.db.insert(websitePolls).values({
    entryId: pollEntry,
    question: "Welches Tier stellen wir im Dezember vor?",
    options: ["Igel", "Eichhörnchen", "Fledermaus", "Waldkauz"],
    endsAt: new Date(options.today.getTime() + 14 * 24 * hour),
    resultsVisibility: "after_vote",
  });

  const comment = async (entryId: string, displayName: string, text: string, parentId: string | null = null) => {
    const { token } = await startCitizenSession(ctx, { orgKey: orgId, ip: "192.0.2.1" });
    await acceptNetiquette(ctx, { orgKey: orgId, token, netiquetteId: netiquette.id });
    const { challenge, bits } = await issueChallenge(ctx);
    const work = { challenge, nonce: solveChallenge(challenge, bits) };
    return postCitizenComment(ctx, {
      orgKey: orgId,
      entryId,
      token,
      ip: "192.0.2.1",
      input: { displayName, text, parentId, work },
    });
  };
  const question = await comment(market, "Gerda K.", "Gibt es auf dem Rathausplatz auch Parkplätze für Marktbesucher?");
  await comment(market, "Tim", "Super, dann kann ich in der Mittagspause einkaufen!");
  const press = await actorInOrganisation(ctx, {
    userId: options.pressUserId,
    label: "presse@musterstadt.example",
    orgId,
  });
  await answerWebsiteComment(ctx, {
    actor: press,
    orgId,
    commentId: question.id,
    input: {
      text: "Guten Tag, an Markttagen stehen Ihnen im Parkhaus am Rathaus die ersten zwei Stunden kostenlos zur Verfügung.",
    },
  });
  await comment(
    market,
    "Familie Yilmaz",
    "Nach dem Markt quellen die Mülltonnen am Rathausplatz jeden Samstag über. Wer ist dafür zuständig?",
  );
  await comment(pollEntry, "Igelfreundin", "Bitte den Igel! Im Winter brauchen sie Laubhaufen im Garten.");
  // For the moderation queue: an insult the pipeline holds, and a threat it hides, escalates and secures.
  await comment(market, "Marktschreier", "Ihr im Rathaus seid doch alle unfähige Versager und Schmarotzer!");
  await comment(pollEntry, "Anonym", DEMO_THREAT_TEXT);
  return { netiquetteId: netiquette.id, entries: { market, poll: pollEntry } };
}
