// The evidence package for a criminal complaint (e.g. the police's online reporting): the original
// payload, the normalised text, author handle and profile address, channel, timestamps and the thread
// context, with a SHA-256 over the canonical JSON of all of it and the time it was secured. Verifying
// recomputes the hash from the stored content.
import { createHash } from "node:crypto";
import { canonicalJson } from "../auditChain.js";

export interface EvidenceContent {
  organisation: { id: string; name: string };
  channel: { network: string; accountId: string; accountName: string };
  message: {
    id: string;
    externalId: string;
    kind: string;
    text: string;
    normalisedText: string;
    receivedAt: string;
    url: string | null;
    payload: Record<string, unknown>;
    /** When the author last changed the text on the network (packages secured before an edit have none). */
    editedAt?: string | null;
    /** The message's earlier versions, oldest first, each with the time it was replaced and its payload. */
    earlierVersions?: { text: string; replacedAt: string; payload: Record<string, unknown> }[];
  };
  author: { handle: string; name: string; profileUrl: string | null };
  /** Earlier messages in the same thread (oldest first), for context. */
  thread: { externalId: string; authorHandle: string; authorName: string; text: string; receivedAt: string }[];
  analysis: { scores: Record<string, number>; labels: string[]; reasons: string[] };
  securedAt: string;
  securedBy: string;
  caseId: string;
}

export function evidenceHash(content: EvidenceContent): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

export function verifyEvidence(content: EvidenceContent, sha256: string): boolean {
  return evidenceHash(content) === sha256;
}
