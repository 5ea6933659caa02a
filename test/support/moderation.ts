// Test helpers for moderation: a real case, made the way production makes one (a citizen's comment
// through the public API and the pipeline), optionally decided by a moderator; and a shitstorm alert.
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/app/context.js";
import { decideModerationCase } from "../../src/app/moderation/decide-moderation-case.js";
import { publishNetiquette } from "../../src/app/website/publish-netiquette.js";
import { createConnectorRegistry } from "../../src/channels/registry.js";
import { evidencePackages, inboundMessages, moderationAlerts, moderationCases } from "../../src/db/schema/index.js";
import { DEFAULT_NETIQUETTE } from "../../src/domain/website/netiquette.js";
import { buildChannelAccount, buildMember, systemAdminOf, uniqueSuffix } from "./factories.js";
import { buildWebsitePost, startCitizen } from "./website.js";

const INSULT = "Ihr seid alle unfähige Idioten und Versager";
const THREAT = "Den Bürgermeister sollte man aufhängen";

export async function buildModerationCase(
  ctx: AppContext,
  app: FastifyInstance,
  orgId: string,
  options: { threat?: boolean; decided?: boolean } = {},
) {
  const account = await buildChannelAccount(ctx, orgId, { network: "website", name: `Website ${uniqueSuffix()}` });
  const netiquette = await publishNetiquette(ctx, { actor: systemAdminOf(orgId), orgId, input: DEFAULT_NETIQUETTE });
  const { entryId } = await buildWebsitePost(ctx, { orgId, channelAccountId: account.id });
  const citizen = await startCitizen(app, orgId, `192.0.2.${Math.floor(Math.random() * 250) + 1}`);
  await citizen.acceptNetiquette(netiquette.id);
  const response = await citizen.comment(entryId, { text: `${options.threat ? THREAT : INSULT} ${uniqueSuffix()}` });
  if (response.statusCode !== 201) throw new Error(`comment failed: ${response.body}`);
  const commentId = (response.json() as { id: string }).id;
  const [row] = await ctx.db
    .select({ id: moderationCases.id })
    .from(moderationCases)
    .innerJoin(inboundMessages, eq(inboundMessages.id, moderationCases.inboundMessageId))
    .where(eq(inboundMessages.externalId, commentId));
  if (!row) throw new Error("the comment opened no moderation case");
  if (options.decided) {
    const moderator = await buildMember(ctx, orgId, { roles: ["moderator"] });
    const connectors = createConnectorRegistry({ db: ctx.db, clock: ctx.clock, publicUrl: ctx.publicUrl });
    await decideModerationCase(
      ctx,
      { connectors },
      { actor: moderator.actor, orgId, caseId: row.id, input: { action: "hide", clause: 3, reason: "Beleidigung" } },
    );
  }
  const [evidence] = await ctx.db
    .select({ id: evidencePackages.id })
    .from(evidencePackages)
    .where(eq(evidencePackages.caseId, row.id));
  return { caseId: row.id, commentId, evidenceId: evidence?.id ?? null };
}

/** A friendly citizen message in the inbox, with no case yet (to be reported). */
export async function buildUnmoderatedMessage(ctx: AppContext, app: FastifyInstance, orgId: string): Promise<string> {
  const account = await buildChannelAccount(ctx, orgId, { network: "website", name: `Website ${uniqueSuffix()}` });
  const netiquette = await publishNetiquette(ctx, { actor: systemAdminOf(orgId), orgId, input: DEFAULT_NETIQUETTE });
  const { entryId } = await buildWebsitePost(ctx, { orgId, channelAccountId: account.id });
  const citizen = await startCitizen(app, orgId, `192.0.2.${Math.floor(Math.random() * 250) + 1}`);
  await citizen.acceptNetiquette(netiquette.id);
  const response = await citizen.comment(entryId, { text: `Wann öffnet das Bürgerbüro? ${uniqueSuffix()}` });
  const [message] = await ctx.db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(eq(inboundMessages.externalId, (response.json() as { id: string }).id));
  if (!message) throw new Error("no inbound message");
  return message.id;
}

/** A shitstorm alert on a new sandbox account (of the given department, else the whole organisation's). */
export async function buildAlert(ctx: AppContext, orgId: string, departmentId: string | null = null): Promise<string> {
  const account = await buildChannelAccount(ctx, orgId, {
    network: "sandbox",
    name: `Sandbox ${uniqueSuffix()}`,
    departmentId,
  });
  const start = new Date("2026-11-24T10:00:00Z");
  const [alert] = await ctx.db
    .insert(moderationAlerts)
    .values({
      orgId,
      channelAccountId: account.id,
      threadExternalId: "",
      windowStart: start,
      windowEnd: new Date(start.getTime() + 3_600_000),
      offensive: 20,
      total: 30,
      baselineMedian: 1,
      baselineMad: 1,
      score: 12.8,
      createdAt: start,
    })
    .returning({ id: moderationAlerts.id });
  if (!alert) throw new Error("no alert");
  return alert.id;
}
