// Secures an evidence package for a case: copies the message as received (payload included), its
// normalised text, its earlier versions if the author edited it, author, channel, timestamps and the thread before it into an append-only row with a
// SHA-256 over all of it. Runs in the caller's transaction (at ingestion for threats, or on request).
import { and, asc, eq, lt } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  channelAccounts,
  evidencePackages,
  inboundMessageEdits,
  inboundMessages,
  moderationCases,
  organisations,
} from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { type EvidenceContent, evidenceHash } from "../../domain/moderation/evidence.js";
import { normaliseText } from "../../text/normalise.js";

const THREAD_CONTEXT = 20;

function stringAt(raw: Record<string, unknown>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = key
      .split(".")
      .reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), raw);
    if (typeof value === "string" && value.length > 0) return value;
  }
  return null;
}

export async function secureEvidence(
  tx: Db | Tx,
  args: { orgId: string; caseId: string; securedBy: string; now: Date; publicUrl: string },
) {
  const [row] = await tx
    .select({
      case: moderationCases,
      message: inboundMessages,
      account: channelAccounts,
      org: { id: organisations.id, name: organisations.name, slug: organisations.slug },
    })
    .from(moderationCases)
    .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
    .innerJoin(channelAccounts, eq(channelAccounts.id, moderationCases.channelAccountId))
    .innerJoin(organisations, eq(organisations.id, moderationCases.orgId))
    .where(and(eq(moderationCases.id, args.caseId), eq(moderationCases.orgId, args.orgId)));
  if (!row) throw new AppError("NOT_FOUND");
  const { message, account, org } = row;
  const thread = message.threadExternalId
    ? await tx
        .select({
          externalId: inboundMessages.externalId,
          authorHandle: inboundMessages.authorHandle,
          authorName: inboundMessages.authorName,
          text: inboundMessages.text,
          receivedAt: inboundMessages.receivedAt,
        })
        .from(inboundMessages)
        .where(
          and(
            eq(inboundMessages.channelAccountId, account.id),
            eq(inboundMessages.threadExternalId, message.threadExternalId),
            lt(inboundMessages.receivedAt, message.receivedAt),
          ),
        )
        .orderBy(asc(inboundMessages.receivedAt))
        .limit(THREAD_CONTEXT)
    : [];
  const versions = await tx
    .select({
      text: inboundMessageEdits.previousText,
      replacedAt: inboundMessageEdits.replacedAt,
      payload: inboundMessageEdits.previousRaw,
    })
    .from(inboundMessageEdits)
    .where(eq(inboundMessageEdits.inboundMessageId, message.id))
    .orderBy(asc(inboundMessageEdits.replacedAt), asc(inboundMessageEdits.id));
  const websiteUrl =
    account.network === "website" && message.threadExternalId
      ? `${args.publicUrl}/p/${org.slug}/beitrag/${message.threadExternalId}#kommentar-${message.externalId}`
      : null;
  const analysis = (message.analysis ?? {}) as {
    scores?: Record<string, number>;
    labels?: string[];
    reasons?: string[];
  };
  const content: EvidenceContent = {
    organisation: { id: org.id, name: org.name },
    channel: { network: account.network, accountId: account.id, accountName: account.name },
    message: {
      id: message.id,
      externalId: message.externalId,
      kind: message.kind,
      text: message.text,
      normalisedText: normaliseText(message.text).text,
      receivedAt: message.receivedAt.toISOString(),
      url: stringAt(message.raw, "url", "uri") ?? websiteUrl,
      payload: message.raw,
      ...(versions.length > 0
        ? {
            editedAt: message.editedAt?.toISOString() ?? null,
            earlierVersions: versions.map((v) => ({ ...v, replacedAt: v.replacedAt.toISOString() })),
          }
        : {}),
    },
    author: {
      handle: message.authorHandle,
      name: message.authorName,
      profileUrl: stringAt(message.raw, "account.url", "author.url", "profileUrl"),
    },
    thread: thread.map((t) => ({ ...t, receivedAt: t.receivedAt.toISOString() })),
    analysis: { scores: analysis.scores ?? {}, labels: analysis.labels ?? [], reasons: analysis.reasons ?? [] },
    securedAt: args.now.toISOString(),
    securedBy: args.securedBy,
    caseId: args.caseId,
  };
  const sha256 = evidenceHash(content);
  const [stored] = await tx
    .insert(evidencePackages)
    .values({ orgId: args.orgId, caseId: args.caseId, content, sha256, securedAt: args.now })
    .returning({ id: evidencePackages.id });
  if (!stored) throw new Error("evidence insert returned nothing");
  return { id: stored.id, sha256, securedAt: args.now };
}
