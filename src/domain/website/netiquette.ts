// The Netiquette's shape and the default German text a new organisation starts from. Clauses are
// numbered (§1, §2, …) so that every moderation decision can cite one.
import { z } from "zod";

export const ZNetiquetteClause = z.object({
  number: z.number().int().min(1).max(99),
  title: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(5000),
});
export type TNetiquetteClause = z.infer<typeof ZNetiquetteClause>;

export const ZNetiquetteDraft = z.object({
  title: z.string().trim().min(1).max(200),
  intro: z.string().trim().max(5000).default(""),
  clauses: z
    .array(ZNetiquetteClause)
    .min(1)
    .max(50)
    .refine(
      (clauses) => new Set(clauses.map((c) => c.number)).size === clauses.length,
      "clause numbers must be unique",
    ),
});
export type TNetiquetteDraft = z.infer<typeof ZNetiquetteDraft>;

export const DEFAULT_NETIQUETTE: TNetiquetteDraft = {
  title: "Netiquette für den Dialog mit der Verwaltung",
  intro:
    "Wir freuen uns über Fragen, Anregungen und Kritik. Damit der Austausch für alle angenehm bleibt, gelten diese Regeln. Beiträge, die dagegen verstoßen, blenden wir aus und nennen dabei die verletzte Regel.",
  clauses: [
    {
      number: 1,
      title: "Respektvoller Umgang",
      text: "Bitte bleiben Sie sachlich und höflich, auch wenn Sie anderer Meinung sind.",
    },
    {
      number: 2,
      title: "Keine Diskriminierung",
      text: "Rassistische, sexistische, antisemitische oder anders diskriminierende Äußerungen sind nicht erlaubt.",
    },
    {
      number: 3,
      title: "Keine Beleidigungen",
      text: "Beleidigungen, Schmähungen und Herabwürdigungen von Personen oder Gruppen werden entfernt.",
    },
    {
      number: 4,
      title: "Keine Drohungen",
      text: "Drohungen und Aufrufe zu Gewalt werden entfernt und können zur Anzeige gebracht werden.",
    },
    { number: 5, title: "Keine Werbung", text: "Werbung, Spam und kommerzielle Angebote sind nicht erlaubt." },
    {
      number: 6,
      title: "Beim Thema bleiben",
      text: "Beiträge sollen sich auf das Thema des jeweiligen Beitrags beziehen.",
    },
    {
      number: 7,
      title: "Keine personenbezogenen Daten Dritter",
      text: "Veröffentlichen Sie keine Adressen, Telefonnummern oder andere persönliche Daten anderer Menschen.",
    },
    {
      number: 8,
      title: "Rechtswidrige Inhalte",
      text: "Strafbare Inhalte und Urheberrechtsverletzungen werden entfernt.",
    },
  ],
};
