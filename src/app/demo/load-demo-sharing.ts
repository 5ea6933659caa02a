// Demo knowledge shared between organisations: the Landkreis Beispiel shares a collection "Bürgerservice im
// Landkreis" with Musterstadt (two articles, a Textbaustein and its Netiquette). Musterstadt's press office
// adopted the article on the Führerschein a while ago; the Landkreis has since shared a new version with a
// changed fee, so Geteilt shows an update waiting, its word diff and a notification.
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { saveReplyTemplate } from "../inbox/reply-templates.js";
import { loadArticle } from "../knowledge/articleRows.js";
import { changeArticleStatus } from "../knowledge/change-article-status.js";
import { createArticle } from "../knowledge/create-article.js";
import { updateArticle } from "../knowledge/update-article.js";
import { adoptSharedItem } from "../sharing/adopt-shared-item.js";
import { saveCollection } from "../sharing/save-collection.js";
import { shareItem } from "../sharing/share-item.js";
import { publishNetiquette } from "../website/publish-netiquette.js";
import { DEFAULT_NETIQUETTE } from "../../domain/website/netiquette.js";

const FUEHRERSCHEIN = {
  title: "Führerschein umtauschen",
  tags: ["führerschein", "fahrerlaubnis"],
  body: "## Wer umtauschen muss\n\nAlte Papier- und Kartenführerscheine werden gestaffelt nach Geburtsjahr ungültig. Den Umtausch beantragen Sie bei der Führerscheinstelle des Landkreises, online unter [www.landkreis-beispiel.de/fuehrerschein](https://www.landkreis-beispiel.de/fuehrerschein).\n\n## Was Sie mitbringen\n\n- Personalausweis\n- ein biometrisches Passfoto\n- den alten Führerschein\n\nDie Gebühr beträgt 25,30 Euro.",
};

export async function loadDemoSharing(
  ctx: AppContext,
  options: { county: OrgActor; countyId: string; cityId: string; cityAdopter: OrgActor; reviewBy: string },
) {
  const { county, countyId, cityId } = options;
  const publish = async (input: { title: string; tags: string[]; body: string }) => {
    const { id } = await createArticle(ctx, {
      actor: county,
      orgId: countyId,
      input: { ...input, reviewBy: options.reviewBy },
    });
    await changeArticleStatus(ctx, { actor: county, orgId: countyId, articleId: id, input: { step: "publish" } });
    return id;
  };
  const fuehrerschein = await publish(FUEHRERSCHEIN);
  const kfz = await publish({
    title: "Fahrzeug zulassen",
    tags: ["kfz", "zulassung"],
    body: "Fahrzeuge lassen Sie bei der Zulassungsstelle des Landkreises zu, mit Termin unter [www.landkreis-beispiel.de/kfz](https://www.landkreis-beispiel.de/kfz). Mitbringen: Personalausweis, Zulassungsbescheinigung Teil I und II, eVB-Nummer der Versicherung und das SEPA-Mandat für die Kfz-Steuer. Die Zulassung ist auch online möglich (i-Kfz).",
  });
  const template = await saveReplyTemplate(ctx, {
    actor: county,
    orgId: countyId,
    templateId: null,
    input: {
      title: "Zuständigkeit Landkreis",
      body: "Guten Tag {{name}}, dafür ist der Landkreis Beispiel zuständig. Sie erreichen ihn unter www.landkreis-beispiel.de. Freundliche Grüße, {{bearbeiter}}",
      tags: ["zuständigkeit", "landkreis"],
    },
  });
  await publishNetiquette(ctx, { actor: county, orgId: countyId, input: DEFAULT_NETIQUETTE });
  const { id: collectionId } = await saveCollection(ctx, {
    actor: county,
    orgId: countyId,
    collectionId: null,
    input: {
      title: "Bürgerservice im Landkreis",
      description: "Antworten auf Fragen, die bei den Gemeinden ankommen, für die aber der Landkreis zuständig ist.",
      audience: "chosen",
      receiverOrgIds: [cityId],
    },
  });
  const share = (input: Record<string, unknown>) =>
    shareItem(ctx, { actor: county, orgId: countyId, collectionId, input });
  const { id: itemId } = await share({ kind: "article", sourceId: fuehrerschein });
  await share({ kind: "article", sourceId: kfz });
  await share({ kind: "template", sourceId: template.id });
  await share({ kind: "netiquette" });

  // Musterstadt adopted the Führerschein article; then the fee changed at the Landkreis.
  await adoptSharedItem(ctx, { actor: options.cityAdopter, orgId: cityId, itemId, input: { departmentId: null } });
  const current = await loadArticle(ctx.db, { orgId: countyId, articleId: fuehrerschein });
  await updateArticle(ctx, {
    actor: county,
    orgId: countyId,
    articleId: fuehrerschein,
    input: {
      ...FUEHRERSCHEIN,
      body: FUEHRERSCHEIN.body.replace("25,30 Euro", "28,60 Euro; der Termin ist online auch kurzfristig buchbar"),
      reviewBy: options.reviewBy,
      note: "Neue Gebühr",
      revision: current.revision,
    },
  });
  await share({ kind: "article", sourceId: fuehrerschein });
}
