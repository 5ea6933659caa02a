// Test helpers for the inbox, made through the real use cases: replies in a given state, a response-time target.
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { installationActorIn } from "../../src/app/authorization.js";
import type { AppContext } from "../../src/app/context.js";
import { getInboxRules, updateInboxRules } from "../../src/app/inbox/inbox-rules.js";
import { ingestMessages } from "../../src/app/inbox/ingest-messages.js";
import { replyToConversation } from "../../src/app/inbox/reply-to-conversation.js";
import { createConnectorRegistry } from "../../src/channels/registry.js";
import { inboundAttachments } from "../../src/db/schema/index.js";
import type { TInboundMessageInput } from "../../src/domain/inbound.js";
import { buildChannelAccount, buildMember, systemAdminOf, uniqueSuffix } from "./factories.js";
import { buildConversation } from "./website.js";

/** A reply that failed on a sandbox account that refuses everything, or one waiting for Freigabe. */
export async function buildReply(
  ctx: AppContext,
  app: FastifyInstance,
  orgId: string,
  state: "failed" | "in_review",
): Promise<{ conversationId: string; replyId: string }> {
  const connectors = createConnectorRegistry({ db: ctx.db, clock: ctx.clock, publicUrl: ctx.publicUrl });
  const author = await buildMember(ctx, orgId, { roles: ["editor"] });
  let conversationId: string;
  if (state === "failed") {
    const account = await buildChannelAccount(ctx, orgId, {
      network: "sandbox",
      name: `Sandbox ${uniqueSuffix()}`,
      settings: { failWith: "permanent" },
    });
    const outcome = await ingestDirect(ctx, orgId, {
      channelAccountId: account.id,
      authorHandle: "@anna",
      authorName: "Anna",
      text: "Eine Frage?",
    });
    conversationId = outcome.conversationId;
  } else {
    await updateInboxRules(ctx, {
      actor: systemAdminOf(orgId),
      orgId,
      input: {
        routing: [],
        targets: [],
        settings: { autoAcknowledge: false, idleWarningDays: 7, repeatWindowDays: 14, replyApproval: "all" },
      },
    });
    conversationId = await buildConversation(ctx, app, orgId);
  }
  const reply = await replyToConversation(
    ctx,
    { connectors },
    { actor: author.actor, orgId, conversationId, input: { text: "Vielen Dank für Ihre Frage." } },
  );
  if (reply.status !== state) throw new Error(`reply is ${reply.status}, not ${state}`);
  return { conversationId, replyId: reply.id };
}

/** Questions are due `minutes` business minutes after they came (the only target left), set as the operator would. */
export async function setQuestionTarget(ctx: AppContext, orgId: string, minutes: number): Promise<void> {
  const actor = installationActorIn(orgId, { userId: null, label: "test" });
  const rules = await getInboxRules(ctx, { actor, orgId });
  await updateInboxRules(ctx, {
    actor,
    orgId,
    input: { ...rules, targets: [{ intent: "question", firstResponseMinutes: minutes }] },
  });
}

/** A citizen's direct message with a file (a sandbox account of the whole organisation), in its conversation. */
export async function buildAttachment(
  ctx: AppContext,
  orgId: string,
): Promise<{ conversationId: string; attachmentId: string }> {
  const account = await buildChannelAccount(ctx, orgId, { network: "sandbox", name: `Postfach ${uniqueSuffix()}` });
  const outcome = await ingestDirect(ctx, orgId, {
    channelAccountId: account.id,
    authorHandle: "erika@buerger.test",
    authorName: "Erika Mustermann",
    text: "Im Anhang der Antrag.",
    attachments: [{ fileName: "antrag.pdf", mimeType: "application/pdf", content: Buffer.from("%PDF-1.4\n") }],
  });
  const [file] = await ctx.db
    .select({ id: inboundAttachments.id })
    .from(inboundAttachments)
    .where(eq(inboundAttachments.inboundMessageId, outcome.id));
  if (!file) throw new Error("attachment not stored");
  return { conversationId: outcome.conversationId, attachmentId: file.id };
}

/** A citizen's direct message, stored through the one ingestion path (it must be stored). */
export async function ingestDirect(
  ctx: AppContext,
  orgId: string,
  message: Pick<TInboundMessageInput, "channelAccountId" | "authorHandle" | "authorName" | "text" | "attachments">,
): Promise<{ id: string; conversationId: string }> {
  const [outcome] = await ctx.db.transaction((tx) =>
    ingestMessages(tx, {
      orgId,
      analyser: ctx.analyser,
      now: ctx.clock(),
      publicUrl: ctx.publicUrl,
      messages: [
        {
          externalId: `dm-${uniqueSuffix()}`,
          kind: "direct",
          language: "de",
          threadExternalId: null,
          inReplyToExternalId: null,
          visibility: "visible",
          receivedAt: ctx.clock(),
          raw: {},
          ...message,
        },
      ],
    }),
  );
  if (outcome?.status !== "stored") throw new Error(`message not stored: ${JSON.stringify(outcome)}`);
  return outcome;
}
