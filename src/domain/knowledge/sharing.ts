// Sharing knowledge between organisations: what can be shared, to whom, and the check that keeps citizens'
// personal data out of a shared item (e-mail addresses, phone numbers, names of people who wrote to the
// organisation). Pure: the names to look for are a parameter.
import { z } from "zod";
import type { TGuidelineRules } from "../guidelineRules.js";
import type { TNetiquetteClause } from "../website/netiquette.js";

/**
 * Articles, Textbausteine, and the Netiquette and the social media guideline in force; and campaign templates
 * (a campaign's name, hashtag, length and pre-approved texts, without its dates and people).
 */
export const SHARED_ITEM_KINDS = ["article", "template", "netiquette", "guideline", "campaign"] as const;
export type SharedItemKind = (typeof SHARED_ITEM_KINDS)[number];
/** The kinds shared from one item of the organisation's (the others: the one in force). */
export const KINDS_WITH_SOURCE = ["article", "template", "campaign"] as const satisfies readonly SharedItemKind[];
export const hasSource = (kind: SharedItemKind): kind is (typeof KINDS_WITH_SOURCE)[number] =>
  (KINDS_WITH_SOURCE as readonly string[]).includes(kind);

export interface CampaignTemplateText {
  id: string;
  title: string;
  text: string;
}

/** A campaign as a template: what another organisation needs to run its own. */
export interface SharedCampaign {
  hashtag: string;
  /** How long the campaign ran (its copy gets the same length from the start its adopter chooses). */
  durationHours: number;
  templates: CampaignTemplateText[];
}

export const COLLECTION_AUDIENCES = ["all", "chosen"] as const;
export type CollectionAudience = (typeof COLLECTION_AUDIENCES)[number];

export interface SharedItemDetails {
  /** A Netiquette's intro and clauses, so that a receiver adopts them as a draft of its own. */
  netiquette?: { intro: string; clauses: TNetiquetteClause[] };
  /** A guideline's machine-checked rules (its document is the item's text). */
  guideline?: { rules: TGuidelineRules };
  /** A campaign's hashtag, length and pre-approved texts. */
  campaign?: SharedCampaign;
}

export const ZCollectionInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).default(""),
    audience: z.enum(COLLECTION_AUDIENCES),
    /** The receiving organisations when the audience is "chosen". */
    receiverOrgIds: z.array(z.uuid()).max(500).default([]),
  })
  .refine((c) => c.audience === "all" || c.receiverOrgIds.length > 0, {
    message: "choose at least one organisation",
    path: ["receiverOrgIds"],
  });
export type TCollectionInput = z.infer<typeof ZCollectionInput>;

export const ZShareItemInput = z.object({
  kind: z.enum(SHARED_ITEM_KINDS),
  /**
   * The article, template or campaign of the sharing organisation; none for the Netiquette and the guideline
   * (those in force).
   */
  sourceId: z.uuid().optional(),
  /**
   * Share although the check found personal data (e.g. the office's own phone number): the reason is kept
   * with the version and in the audit trail.
   */
  personalDataOverride: z.string().trim().min(10).max(500).optional(),
});

export type PersonalDataKind = "email" | "phone" | "name";
export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** As written in the item, so the person sharing can find and remove it. */
  text: string;
}

// Every repetition is bounded, so a long unbroken text (100,000 letters) cannot make the search quadratic.
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@([\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24})/gu;
// A German or international number: +49…, 0049…, or a leading 0 (area code), then at least six more digits,
// spaced, slashed or dashed as people write them ("0221 / 12 34-56"). Years, fees and postcodes do not start so.
const PHONE = /(?<![\p{L}\p{N}+])(?:\+\d{2}|00\d{2}|0)[\s/()-]{0,3}\d(?:[\s/()-]{0,3}\d){5,13}(?![\p{L}\p{N}])/gu;
// Numbers that are not phone numbers although they look alike: an IBAN, and digits right after the name of a
// reference (Kassenzeichen, Aktenzeichen, Steuernummer, Vorlage, Drucksache, Kunden-/Rechnungsnummer, BIC).
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[\dA-Z]{4}){3,7}(?:[ ]?[\dA-Z]{1,3})?\b/g;
const REFERENCE =
  /\b(?:IBAN|BIC|Kassenzeichen|Aktenzeichen|Az\.|Steuer-?(?:nummer|nr\.?|-Nr\.?)|St\.?-?Nr\.?|Vorlage|Drucksache|Kundennummer|Kunden-Nr\.?|Rechnungsnummer|Vertragsnummer|Zeichen)\s*:?\s*[\d /.-]{1,40}/giu;
// Capitalised words in a row on one line ("Wie Erika Mustermann"); every two and three of them in a row are
// looked up as a name ("Jan-Ole de Vries" is missed: names are a hint, not a proof).
const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{Lu}'’-]{0,40}\\p{Ll}";
const NAME_RUN = new RegExp(`${NAME_WORD}(?:[^\\S\\n]{1,4}${NAME_WORD}){1,20}`, "gu");
const HANDLE = /@[\p{L}\p{N}_.-]{2,40}/gu;

function normalised(value: string): string {
  return value.trim().replace(/\s+/g, " ").toLocaleLowerCase("de-DE");
}

/**
 * The word runs and @handles of a text that could be the name of a person who wrote to the organisation, to
 * be looked up among the authors of its messages (lower case).
 */
/** Every two and three words in a row of a run of capitalised words. */
function windowsOf(run: string): string[] {
  const words = run.split(/\s+/);
  const windows: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    windows.push(`${words[i]} ${words[i + 1]}`);
    if (i + 2 < words.length) windows.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  }
  return windows;
}

export function nameCandidates(text: string): { names: string[]; handles: string[] } {
  const names = new Set<string>();
  for (const match of text.matchAll(NAME_RUN)) for (const window of windowsOf(match[0])) names.add(normalised(window));
  const withoutEmails = text.replace(EMAIL, " ");
  const handles = new Set<string>();
  for (const match of withoutEmails.matchAll(HANDLE)) handles.add(normalised(match[0].slice(1)));
  return { names: [...names], handles: [...handles] };
}

/**
 * Personal data in a text to be shared: e-mail addresses (not at `ownDomains`, the organisation's), phone
 * numbers (not IBANs or reference numbers), and the names and handles among `knownNames` (people who wrote to the
 * organisation, lower case, found by nameCandidates).
 */
export function findPersonalData(
  text: string,
  knownNames: readonly string[] = [],
  options: { ownDomains?: readonly string[] } = {},
): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const seen = new Set<string>();
  const add = (kind: PersonalDataKind, found: string) => {
    const key = `${kind}:${normalised(found)}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ kind, text: found.trim() });
  };
  const own = (options.ownDomains ?? []).map((d) => d.toLocaleLowerCase("de-DE"));
  for (const match of text.matchAll(EMAIL)) {
    const domain = (match[1] ?? "").toLocaleLowerCase("de-DE");
    // The organisation's own addresses (its website's domain and subdomains) are the office's, not a citizen's.
    if (!own.some((d) => domain === d || domain.endsWith(`.${d}`))) add("email", match[0]);
  }
  const withoutEmails = text.replace(EMAIL, " ");
  const numbers = withoutEmails.replace(IBAN, " ").replace(REFERENCE, " ");
  for (const match of numbers.matchAll(PHONE)) add("phone", match[0]);
  if (knownNames.length > 0) {
    const known = new Set(knownNames.map(normalised));
    for (const match of text.matchAll(NAME_RUN))
      for (const window of windowsOf(match[0])) if (known.has(normalised(window))) add("name", window);
    for (const match of withoutEmails.matchAll(HANDLE)) {
      if (known.has(normalised(match[0].slice(1)))) add("name", match[0]);
    }
  }
  return findings;
}

/** A Netiquette as receivers read it: the intro, then each clause as "§n Title" with its text. */
export function netiquetteAsMarkdown(netiquette: { intro: string; clauses: readonly TNetiquetteClause[] }): string {
  const clauses = [...netiquette.clauses]
    .sort((a, b) => a.number - b.number)
    .map((clause) => `## §${clause.number} ${clause.title}\n\n${clause.text}`);
  return [netiquette.intro, ...clauses].filter((part) => part.trim() !== "").join("\n\n");
}

/**
 * A rule limited to some of the sharing organisation's channel accounts applies to every channel of a receiver,
 * who has none of those accounts (and should not learn their ids).
 */
export function withoutChannelScopes(rules: TGuidelineRules): TGuidelineRules {
  return {
    ...rules,
    requiredHashtags: rules.requiredHashtags.map((rule) => ({ ...rule, channelAccountIds: null })),
    requiredSignature: rules.requiredSignature.map((rule) => ({ ...rule, channelAccountIds: null })),
  };
}

/** A campaign template as receivers read it: hashtag, length, and each pre-approved text under its title. */
export function campaignAsMarkdown(campaign: SharedCampaign): string {
  const hours = campaign.durationHours;
  const length = hours % 24 === 0 ? `${hours / 24} ${hours === 24 ? "Tag" : "Tage"}` : `${hours} Stunden`;
  const texts = campaign.templates.map((template) => `### ${template.title}\n\n${template.text}`);
  return [
    `Hashtag: ${campaign.hashtag}`,
    `Dauer: ${length}`,
    ...(texts.length > 0 ? ["## Vorlagen", ...texts] : []),
  ].join("\n\n");
}
