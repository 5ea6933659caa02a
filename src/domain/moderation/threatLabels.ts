// A moderator's word on whether a case's message is a threat. It is kept as a labelled example of the
// organisation (to measure, and later train, the threat detector on the organisation's own cases), and a
// "threat" the pipeline missed sends the case down the threat path. Exported lines carry the text and the
// verdicts, never who wrote or decided it.
import { z } from "zod";

export const THREAT_LABELS = ["threat", "not_threat"] as const;
export type TThreatLabel = (typeof THREAT_LABELS)[number];

/**
 * What a label does beyond being kept: "threat" on a case the pipeline did not treat as one escalates it
 * like a detected threat (evidence, alert). "not_threat" on a detected threat only records the word: the
 * evidence is append-only and the people alerted were alerted.
 */
export function threatLabelEffect(args: { label: TThreatLabel; caseThreat: boolean }): "escalate" | "record" {
  return args.label === "threat" && !args.caseThreat ? "escalate" : "record";
}

/** One line of `draht export-decisions`. */
export const ZLabelledExample = z.strictObject({
  text: z.string(),
  label: z.enum(THREAT_LABELS),
  decidedAt: z.iso.datetime(),
  /** The analyser (name and version) that scored the text when the case was decided. */
  analyser: z.string().nullable(),
  threatScore: z.number().min(0).max(1).nullable(),
});
export type TLabelledExample = z.output<typeof ZLabelledExample>;

// A handle as the networks write it (@name, @name.bsky.social, @name@server.example), and an e-mail address;
// dots and hyphens only inside, so a full stop after a handle stays.
const NAME = String.raw`[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*`;
const MENTION = new RegExp(String.raw`(^|[^\p{L}\p{N}_@.])@${NAME}(?:@${NAME})?`, "gu");
const EMAIL = new RegExp(String.raw`[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*@${NAME}`, "gu");

/**
 * The text of an exported example with the people it names by address left out: mentions become "@user",
 * e-mail addresses "<email>". The analyser masks mentions itself, so this costs the example nothing. Names
 * in the running text ("Herr Müller") are not recognised and stay.
 */
export function withoutAddresses(text: string): string {
  return text.replace(MENTION, (_match, before: string) => `${before}@user`).replace(EMAIL, "<email>");
}
