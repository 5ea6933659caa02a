// Demo inbox of Musterstadt: routing rules (Kita → Jugendamt, Müll → Abfallwirtschaft, Baustelle →
// Tiefbauamt, Ausweis → Bürgeramt), response-time targets, Textbausteine, a coverage plan with a
// deputy, the automatic acknowledgement outside office hours, Freigabe for replies about elections,
// and a direct message on the Mastodon sandbox account — all through the same use cases staff use.
import { and, eq } from "drizzle-orm";
import { channelAccounts } from "../../db/schema/index.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { updateCoveragePlan } from "../inbox/coverage-plan.js";
import { updateInboxRules } from "../inbox/inbox-rules.js";
import { ingestMessages } from "../inbox/ingest-messages.js";
import { saveReplyTemplate } from "../inbox/reply-templates.js";

export const DEMO_TEMPLATES = [
  {
    title: "Dank für den Hinweis",
    body: "Guten Tag {{name}}, vielen Dank für Ihren Hinweis. Wir haben ihn an die {{abteilung}} weitergegeben und melden uns, sobald wir mehr wissen. Freundliche Grüße, {{bearbeiter}} ({{organisation}})",
    tags: ["hinweis", "weitergeleitet"],
  },
  {
    title: "Sperrmüll anmelden",
    body: "Guten Tag {{name}}, Sperrmüll melden Sie online unter www.musterstadt.de/sperrmuell oder telefonisch unter 0123 456-789 an. Die Abholung ist zweimal im Jahr kostenlos. Freundliche Grüße, {{bearbeiter}}",
    tags: ["müll", "sperrmüll"],
  },
  {
    title: "Kita-Platz beantragen",
    body: "Guten Tag {{name}}, Kita-Plätze vergibt das Jugendamt über den Kita-Navigator (www.musterstadt.de/kita). Bei Fragen erreichen Sie das Team montags bis donnerstags von 8 bis 16 Uhr. Freundliche Grüße, {{bearbeiter}}",
    tags: ["kita"],
  },
];

export async function loadDemoInbox(
  ctx: AppContext,
  options: {
    admin: OrgActor;
    orgId: string;
    departmentIds: Map<string, string>;
    userIds: Map<string, string>;
    websiteAccountId: string;
  },
) {
  const { admin, orgId } = options;
  const department = (name: string) => options.departmentIds.get(name) ?? null;
  await updateInboxRules(ctx, {
    actor: admin,
    orgId,
    input: {
      routing: [
        {
          name: "Kita und Kindergarten",
          keywords: ["Kita", "Kindergarten", "Betreuungsplatz"],
          departmentId: department("Jugendamt"),
        },
        {
          name: "Müll und Sperrmüll",
          keywords: ["Müll", "Sperrmüll", "Tonne", "Abfall"],
          departmentId: department("Abfallwirtschaft"),
        },
        {
          name: "Baustellen und Straßen",
          keywords: ["Baustelle", "Straße", "Ampel", "Schlagloch"],
          departmentId: department("Tiefbauamt"),
        },
        {
          name: "Ausweis und Termine",
          keywords: ["Ausweis", "Reisepass", "Termin", "Ummeldung"],
          departmentId: department("Bürgeramt"),
        },
      ],
      targets: [
        { intent: "question", firstResponseMinutes: 240, resolutionMinutes: 2400 },
        { intent: "complaint", firstResponseMinutes: 480, resolutionMinutes: 4800 },
      ],
      settings: {
        autoAcknowledge: true,
        idleWarningDays: 7,
        repeatWindowDays: 14,
        replyApproval: "keywords",
        replyApprovalKeywords: ["Wahl", "Partei", "Kandidat"],
      },
    },
  });
  for (const template of DEMO_TEMPLATES)
    await saveReplyTemplate(ctx, { actor: admin, orgId, templateId: null, input: template });
  const press = options.userIds.get("presse@musterstadt.example");
  const editor = options.userIds.get("redaktion@musterstadt.example");
  const [mastodon] = await ctx.db
    .select({ id: channelAccounts.id })
    .from(channelAccounts)
    .where(and(eq(channelAccounts.orgId, orgId), eq(channelAccounts.name, "Mastodon (Sandbox)")));
  if (press && editor) {
    const plan = [options.websiteAccountId, mastodon?.id]
      .filter((id): id is string => Boolean(id))
      .flatMap((channelAccountId) => [
        {
          channelAccountId,
          userId: press,
          role: "responsible" as const,
          window: { timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" },
        },
        { channelAccountId, userId: editor, role: "deputy" as const, window: null },
      ]);
    await updateCoveragePlan(ctx, { actor: admin, orgId, input: { plan } });
  }
  if (mastodon) {
    const receivedAt = new Date(ctx.clock().getTime() - 5 * 3_600_000);
    await ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId,
        analyser: ctx.analyser,
        now: ctx.clock(),
        publicUrl: ctx.publicUrl,
        messages: [
          {
            channelAccountId: mastodon.id,
            externalId: "demo-dm-1",
            kind: "direct",
            authorHandle: "@lisa@social.example",
            authorName: "Lisa",
            text: "Hallo, wann werden wieder Kita-Plätze für das nächste Kita-Jahr vergeben?",
            language: "de",
            threadExternalId: null,
            inReplyToExternalId: null,
            visibility: "visible",
            receivedAt,
            raw: { demo: true },
          },
        ],
      }),
    );
  }
}
