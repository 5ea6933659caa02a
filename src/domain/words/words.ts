// The shape of the words for every code (codes.ts), one table per language (de.ts, en.ts). `{value}`, `{list}`,
// `{kind}` and `{id}` are filled in by describe.ts.
import type {
  AnalysisLabel,
  AnalysisScore,
  AuditAction,
  AuditTarget,
  LEXICON_LISTS,
  MACHINE_ACTORS,
  ModerationPhaseId,
  ParameterReason,
  PlainReason,
  THREAT_KINDS,
  TRAIL_OUTCOMES,
  VIOLENCE_CONCEPTS,
  THREAT_CONSTRUCTIONS,
  THREAT_TARGETS,
  HATE_CUES,
} from "./codes.js";
import type { TInboundKind } from "../inbound.js";
import type { Network } from "../networks.js";

export interface Words {
  network: Record<Network, string>;
  messageKind: Record<TInboundKind, string>;
  auditAction: Record<AuditAction, string>;
  auditTarget: Record<AuditTarget, string>;
  machineActor: Record<(typeof MACHINE_ACTORS)[number], string>;
  label: Record<AnalysisLabel, string>;
  score: Record<AnalysisScore, string>;
  lexiconList: Record<(typeof LEXICON_LISTS)[number], string>;
  threatKind: Record<(typeof THREAT_KINDS)[number], string>;
  violenceConcept: Record<(typeof VIOLENCE_CONCEPTS)[number], string>;
  threatConstruction: Record<(typeof THREAT_CONSTRUCTIONS)[number], string>;
  threatTarget: Record<(typeof THREAT_TARGETS)[number], string>;
  hateCue: Record<(typeof HATE_CUES)[number], string>;
  phase: Record<ModerationPhaseId, string>;
  outcome: Record<(typeof TRAIL_OUTCOMES)[number], string>;
  plainReason: Record<PlainReason, string>;
  parameterReason: Record<ParameterReason, string>;
  /** An audit event or reason this version does not know yet (never shown as its code). */
  unknownEvent: string;
  unknownReason: string;
  /** A citizen on the website is known by the session that wrote: `{id}`. */
  websiteSession: string;
  /** The classifier's strongest word parts. */
  wordList: string;
}
