// Demo knowledge base of Musterstadt: a few published articles of the Bürgeramt, the Jugendamt and the
// Abfallwirtschaft (one of them cited by the Textbaustein "Kita-Platz beantragen"), one in review, one whose
// review is due soon — so the Wissen pages and the suggestions in the Posteingang show something on the first day.
import { and, eq } from "drizzle-orm";
import { replyTemplates } from "../../db/schema/index.js";
import { localDate } from "../../domain/guidelineReview.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { changeArticleStatus } from "../knowledge/change-article-status.js";
import { createArticle } from "../knowledge/create-article.js";

const DAY = 86_400_000;

export async function loadDemoKnowledge(
  ctx: AppContext,
  options: { admin: OrgActor; orgId: string; departmentIds: Map<string, string>; ownerUserId: string | null },
) {
  const { admin, orgId } = options;
  const inDays = (days: number) => localDate(new Date(ctx.clock().getTime() + days * DAY), "Europe/Berlin");
  const articles = [
    {
      department: "Bürgeramt",
      title: "Personalausweis beantragen",
      tags: ["ausweis", "bürgeramt", "termin"],
      body: "## Was Sie mitbringen\n\n- ein aktuelles biometrisches Passfoto\n- Ihren bisherigen Ausweis oder Reisepass\n- die Gebühr (37 Euro, unter 24 Jahren 22,80 Euro)\n\n## Termin\n\nTermine vergibt das Bürgeramt online unter [www.musterstadt.de/termine](https://www.musterstadt.de/termine) oder telefonisch unter 0123 456-100. Der neue Ausweis ist nach etwa drei Wochen abholbereit.",
      status: "published",
      reviewBy: inDays(300),
    },
    {
      department: "Jugendamt",
      title: "Kita-Platz anmelden",
      tags: ["kita", "betreuung"],
      body: "## Anmeldung\n\nKita-Plätze vergibt das Jugendamt über den Kita-Navigator: [www.musterstadt.de/kita](https://www.musterstadt.de/kita). Anmeldungen für das Kita-Jahr ab August sind bis zum 31. Januar möglich.\n\n## Rechtsanspruch\n\nAb dem ersten Geburtstag besteht ein Rechtsanspruch auf einen Betreuungsplatz. Bei Fragen: montags bis donnerstags 8 bis 16 Uhr, Telefon 0123 456-200.",
      status: "published",
      reviewBy: inDays(10),
      template: "Kita-Platz beantragen",
    },
    {
      department: "Abfallwirtschaft",
      title: "Sperrmüll anmelden",
      tags: ["müll", "sperrmüll"],
      body: "Sperrmüll melden Sie online unter [www.musterstadt.de/sperrmuell](https://www.musterstadt.de/sperrmuell) oder telefonisch unter 0123 456-789 an. Zweimal im Jahr holen wir ihn kostenlos ab, bis zu drei Kubikmeter. Elektrogeräte nimmt der Wertstoffhof an.",
      status: "published",
      reviewBy: inDays(200),
    },
    {
      department: "Abfallwirtschaft",
      title: "Öffnungszeiten des Wertstoffhofs",
      tags: ["müll", "wertstoffhof"],
      body: "Der Wertstoffhof an der Industriestraße 4 ist dienstags bis freitags von 9 bis 18 Uhr und samstags von 8 bis 14 Uhr geöffnet.",
      status: "in_review",
      reviewBy: inDays(365),
    },
  ] as const;
  for (const article of articles) {
    const { id } = await createArticle(ctx, {
      actor: admin,
      orgId,
      input: {
        title: article.title,
        body: article.body,
        tags: [...article.tags],
        departmentId: options.departmentIds.get(article.department) ?? null,
        ownerUserId: options.ownerUserId,
        reviewBy: article.reviewBy,
      },
    });
    const step = article.status === "published" ? "publish" : "submit";
    await changeArticleStatus(ctx, { actor: admin, orgId, articleId: id, input: { step } });
    if ("template" in article)
      await ctx.db
        .update(replyTemplates)
        .set({ articleId: id })
        .where(and(eq(replyTemplates.orgId, orgId), eq(replyTemplates.title, article.template)));
  }
}
