// Turns the codes the server emits (codes.ts) into words people read, in German or English: audit events and
// their targets, machine actors, the analysis' labels and scores (as percentages), moderation phases, outcomes
// and reasons (which rule, which words), and citizens' author identities. Used by the web app and by
// server-rendered documents (the evidence PDF), so nobody ever reads "lexicon:insult:…" or "OFFENSE".
import {
  ANALYSIS_LABELS,
  ANALYSIS_SCORES,
  AUDIT_ACTIONS,
  AUDIT_TARGETS,
  LEXICON_LISTS,
  MACHINE_ACTORS,
  MODERATION_PHASES,
  PLAIN_REASONS,
  THREAT_KINDS,
  TRAIL_OUTCOMES,
  VIOLENCE_CONCEPTS,
  THREAT_CONSTRUCTIONS,
  THREAT_TARGETS,
  HATE_CUES,
  type ParameterReason,
} from "./codes.js";
import { DE } from "./de.js";
import { INBOUND_KINDS_LIST as INBOUND_KINDS, NETWORKS_LIST as NETWORKS } from "./codes.js";
import { EN } from "./en.js";
import type { Words } from "./words.js";

const has = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

export function wordsOf(language: string): Words {
  return language === "en" ? EN : DE;
}

/** A reason code split into its kind and what it names (see codes.ts PARAMETER_REASONS). */
function parseReason(reason: string): { kind: ParameterReason; value: string; list?: string; threat?: string } | null {
  const [head = "", ...rest] = reason.split(":");
  const tail = rest.join(":");
  if (head === "lexicon" && rest.length >= 2) return { kind: "lexicon", list: rest[0], value: rest.slice(1).join(":") };
  if (head === "model") return { kind: "model", value: tail };
  if (head === "word_rule") return { kind: "word_rule", value: tail };
  if (head === "case") return { kind: "moderator_case", value: tail.slice(0, 8) };
  if (head === "complaint" || head === "praise" || head === "fact_claim") return { kind: head, value: tail };
  if (head === "sentiment") {
    const positive = tail.endsWith("+");
    return { kind: positive ? "sentiment_positive" : "sentiment_negative", value: tail.replace(/[+-]$/, "") };
  }
  if (head === "threat_why") return { kind: "threat_why", value: tail };
  if (head === "hate") return { kind: "group_hate_cues", value: tail };
  if (head === "threat") {
    if (rest[0] === "model_signal") return { kind: "threat_model", value: rest.slice(1).join(":").replace(/,/g, ", ") };
    const parts = [...rest];
    const negated = parts[0] === "negated";
    if (negated) parts.shift();
    const quoted = parts[0] === "quoted";
    if (quoted) parts.shift();
    const kind: ParameterReason = negated ? "threat_negated" : quoted ? "threat_quoted" : "threat_rule";
    return { kind, threat: parts[0], value: parts.slice(1).join(":") };
  }
  return null;
}

export interface Describer {
  network(network: string): string;
  messageKind(kind: string): string;
  auditAction(action: string): string;
  auditTarget(type: string | null, id: string | null): string;
  actor(label: string): string;
  label(label: string): string;
  labels(labels: readonly string[]): string;
  /** "Beleidigung 40 %" */
  score(key: string, value: number | undefined): string;
  scoreName(key: string): string;
  reason(reason: string): string;
  phase(phase: string): string;
  outcome(outcome: string): string;
  /** A moderation trail's step: "Sprachmodell: zurückgehalten (beleidigende Sprache)". */
  step(step: { phase: string; outcome: string; reason?: string; clause?: number }): string;
  /** "Anonym (Website-Sitzung 0d80e8c0)"; `full` keeps the whole session id (documents for the police). */
  author(name: string, handle: string | null | undefined, options?: { full?: boolean }): string;
  percent(value: number | undefined): string;
}

/** "kill:first_person:building" → "Töten · Ankündigung in der Ich- oder Wir-Form · gegen ein Gebäude". */
function threatWhy(w: Words, value: string): string {
  const [concept = "", construction = "", target = ""] = value.split(":");
  const parts: string[] = [];
  if (has(VIOLENCE_CONCEPTS, concept)) parts.push(w.violenceConcept[concept]);
  if (has(THREAT_CONSTRUCTIONS, construction)) parts.push(w.threatConstruction[construction]);
  if (has(THREAT_TARGETS, target)) parts.push(w.threatTarget[target]);
  return parts.join(" · ");
}

export function describer(language: string): Describer {
  const w = wordsOf(language);
  const percent = new Intl.NumberFormat(language === "en" ? "en-GB" : "de-DE", {
    style: "percent",
    maximumFractionDigits: 0,
  });
  const reason = (code: string): string => {
    if (has(PLAIN_REASONS, code)) return w.plainReason[code];
    const parsed = parseReason(code);
    if (!parsed) return w.unknownReason;
    const list = parsed.list && has(LEXICON_LISTS, parsed.list) ? w.lexiconList[parsed.list] : (parsed.list ?? "");
    const kind = parsed.threat && has(THREAT_KINDS, parsed.threat) ? w.threatKind[parsed.threat] : w.plainReason.threat;
    const value =
      parsed.kind === "model"
        ? parsed.value.replace(/Wortliste (\w+)/g, (_, l: string) =>
            fill(w.wordList, { list: has(LEXICON_LISTS, l) ? w.lexiconList[l] : l }),
          )
        : parsed.kind === "threat_why"
          ? threatWhy(w, parsed.value)
          : parsed.kind === "group_hate_cues"
            ? parsed.value
                .split(",")
                .filter((c) => has(HATE_CUES, c))
                .map((c) => w.hateCue[c as (typeof HATE_CUES)[number]])
                .join(", ")
            : parsed.value;
    return fill(w.parameterReason[parsed.kind], { list, kind, value });
  };
  const d: Describer = {
    network: (network) => (has(NETWORKS, network) ? w.network[network] : network),
    messageKind: (kind) => (has(INBOUND_KINDS, kind) ? w.messageKind[kind] : w.unknownReason),
    auditAction: (action) => (has(AUDIT_ACTIONS, action) ? w.auditAction[action] : w.unknownEvent),
    auditTarget: (type, id) => {
      if (!type) return "";
      const name = has(AUDIT_TARGETS, type) ? w.auditTarget[type] : w.unknownEvent;
      return id ? `${name} ${id.slice(0, 8)}` : name;
    },
    actor: (label) => (has(MACHINE_ACTORS, label) ? w.machineActor[label] : label),
    label: (label) => (has(ANALYSIS_LABELS, label) ? w.label[label] : w.unknownReason),
    labels: (labels) => labels.map((l) => d.label(l)).join(", "),
    scoreName: (key) => (has(ANALYSIS_SCORES, key) ? w.score[key] : w.unknownReason),
    score: (key, value) => `${d.scoreName(key)} ${percent.format(value ?? 0)}`,
    percent: (value) => percent.format(value ?? 0),
    reason,
    phase: (phase) => (has(MODERATION_PHASES, phase) ? w.phase[phase] : w.unknownReason),
    outcome: (outcome) => (has(TRAIL_OUTCOMES, outcome) ? w.outcome[outcome] : w.unknownReason),
    step: (step) => {
      // A moderator's reason is their own words (or only what they did); the machine's are codes.
      const why = step.reason
        ? step.phase === "moderator" && !has(PLAIN_REASONS, step.reason) && !step.reason.startsWith("case:")
          ? step.reason
          : reason(step.reason)
        : "";
      return `${d.phase(step.phase)}: ${d.outcome(step.outcome)}${why ? ` (${why})` : ""}${step.clause ? ` §${step.clause}` : ""}`;
    },
    author: (name, handle, options) => {
      if (!handle) return name;
      if (handle.startsWith("session:")) {
        const id = handle.slice("session:".length);
        return `${name} (${fill(w.websiteSession, { id: options?.full ? id : id.slice(0, 8) })})`;
      }
      return `${name} (${handle})`;
    },
  };
  return d;
}
