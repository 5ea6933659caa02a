// Test helpers for the website channel: a published website post (through the real connector), the
// default Netiquette, and a citizen who talks to the public API with real requests.
import { eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { inboundMessages } from "../../src/db/schema/index.js";
import type { AppContext } from "../../src/app/context.js";
import { solveChallenge } from "../../src/app/website/proofOfWork.js";
import { publishNetiquette } from "../../src/app/website/publish-netiquette.js";
import { createWebsiteConnector } from "../../src/channels/website/websiteConnector.js";
import { DEFAULT_NETIQUETTE } from "../../src/domain/website/netiquette.js";
import type { OutgoingMedia } from "../../src/domain/connector.js";
import type { TPollDraft } from "../../src/domain/website/poll.js";
import { buildChannelAccount, buildOrg, systemAdminOf, uniqueSuffix } from "./factories.js";

export async function buildWebsitePost(
  ctx: AppContext,
  args: {
    orgId: string;
    channelAccountId: string;
    text?: string;
    poll?: TPollDraft | null;
    media?: OutgoingMedia[];
  },
): Promise<{ entryId: string }> {
  const connector = createWebsiteConnector({ db: ctx.db, clock: ctx.clock, publicUrl: ctx.publicUrl });
  const item = await connector.publish(
    { id: args.channelAccountId, orgId: args.orgId, settings: {} },
    {
      idempotencyKey: `test-${uniqueSuffix()}`,
      attempt: 1,
      orgId: args.orgId,
      postId: crypto.randomUUID(),
      text: args.text ?? "Der Wochenmarkt zieht um.",
      media: args.media ?? [],
      poll: args.poll ?? null,
    },
  );
  return { entryId: item.externalId };
}

/** An organisation with a website account, the default Netiquette and one published post. */
export async function buildWebsiteScene(ctx: AppContext, options: { poll?: TPollDraft | null; text?: string } = {}) {
  const org = await buildOrg(ctx);
  const account = await buildChannelAccount(ctx, org.id, { network: "website", name: "Website" });
  const netiquette = await publishNetiquette(ctx, {
    actor: systemAdminOf(org.id),
    orgId: org.id,
    input: DEFAULT_NETIQUETTE,
  });
  const { entryId } = await buildWebsitePost(ctx, {
    orgId: org.id,
    channelAccountId: account.id,
    text: options.text,
    poll: options.poll,
  });
  return { org, account, netiquette, entryId };
}

export interface Citizen {
  token: string;
  ip: string;
  call(method: "GET" | "POST", path: string, body?: unknown): Promise<LightMyRequestResponse>;
  acceptNetiquette(netiquetteId: string): Promise<void>;
  work(): Promise<{ challenge: string; nonce: string }>;
  comment(entryId: string, input: Record<string, unknown>): Promise<LightMyRequestResponse>;
  vote(entryId: string, optionIndex: number): Promise<LightMyRequestResponse>;
}

export async function startCitizen(app: FastifyInstance, orgSlug: string, ip = "203.0.113.7"): Promise<Citizen> {
  const base = `/api/public/orgs/${orgSlug}`;
  const opened = await app.inject({ method: "POST", url: `${base}/sessions`, remoteAddress: ip });
  if (opened.statusCode !== 201) throw new Error(`session failed: ${opened.statusCode} ${opened.body}`);
  const token = (opened.json() as { token: string }).token;
  const call: Citizen["call"] = (method, path, body) =>
    app.inject({
      method,
      url: `${base}${path}`,
      remoteAddress: ip,
      headers: { "x-draht-session": token },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const work = async () => {
    const { challenge, bits } = (await call("GET", "/challenge")).json() as { challenge: string; bits: number };
    return { challenge, nonce: solveChallenge(challenge, bits) };
  };
  return {
    token,
    ip,
    call,
    work,
    acceptNetiquette: async (netiquetteId) => {
      const response = await call("POST", "/netiquette/accept", { netiquetteId });
      if (response.statusCode !== 200) throw new Error(`accept failed: ${response.body}`);
    },
    comment: async (entryId, input) =>
      call("POST", `/posts/${entryId}/comments`, {
        displayName: "Bürgerin",
        ...input,
        work: input.work ?? (await work()),
      }),
    vote: async (entryId, optionIndex) => call("POST", `/posts/${entryId}/vote`, { optionIndex, work: await work() }),
  };
}

/** A published citizen comment in an organisation (website account, Netiquette and post made for it). */
export async function buildCitizenComment(ctx: AppContext, app: FastifyInstance, orgId: string): Promise<string> {
  const account = await buildChannelAccount(ctx, orgId, { network: "website", name: `Website ${uniqueSuffix()}` });
  const netiquette = await publishNetiquette(ctx, { actor: systemAdminOf(orgId), orgId, input: DEFAULT_NETIQUETTE });
  const { entryId } = await buildWebsitePost(ctx, { orgId, channelAccountId: account.id });
  const citizen = await startCitizen(app, orgId, `203.0.113.${Math.floor(Math.random() * 250) + 1}`);
  await citizen.acceptNetiquette(netiquette.id);
  const response = await citizen.comment(entryId, { text: `Eine Frage ${uniqueSuffix()}` });
  if (response.statusCode !== 201) throw new Error(`comment failed: ${response.body}`);
  return (response.json() as { id: string }).id;
}

/** A conversation in the organisation's inbox: a citizen's question on a website post. */
export async function buildConversation(ctx: AppContext, app: FastifyInstance, orgId: string): Promise<string> {
  const commentId = await buildCitizenComment(ctx, app, orgId);
  const [message] = await ctx.db
    .select({ conversationId: inboundMessages.conversationId })
    .from(inboundMessages)
    .where(eq(inboundMessages.externalId, commentId));
  if (!message?.conversationId) throw new Error("comment was not threaded into a conversation");
  return message.conversationId;
}
