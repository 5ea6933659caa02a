// A reply template filled for one conversation: the citizen's name, the organisation, the person
// answering, the department and today's date go into its placeholders. Staff edit the result before
// sending; what is sent is their text.
import { and, eq, isNull } from "drizzle-orm";
import { departments, organisations, replyTemplates, users } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { fillTemplate } from "../../domain/replyTemplates.js";
import type { OrgActor } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadConversation } from "./conversationAccess.js";

export async function fillReplyTemplate(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; conversationId: string; templateId: string },
) {
  const conversation = await loadConversation(ctx, ctx.db, { ...options, action: "inbox.reply" });
  const [template] = await ctx.db
    .select()
    .from(replyTemplates)
    .where(
      and(
        eq(replyTemplates.id, options.templateId),
        eq(replyTemplates.orgId, options.orgId),
        isNull(replyTemplates.archivedAt),
      ),
    );
  if (!template) throw new AppError("NOT_FOUND");
  const [org] = await ctx.db
    .select({ name: organisations.name, timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, options.orgId));
  const [me] = options.actor.userId
    ? await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, options.actor.userId))
    : [];
  const [department] = conversation.departmentId
    ? await ctx.db
        .select({ name: departments.name })
        .from(departments)
        .where(eq(departments.id, conversation.departmentId))
    : [];
  const text = fillTemplate(template.body, {
    name: conversation.citizenName,
    organisation: org?.name ?? "",
    bearbeiter: me?.name ?? "",
    abteilung: department?.name ?? "",
    datum: new Intl.DateTimeFormat("de-DE", { timeZone: org?.timeZone ?? "Europe/Berlin", dateStyle: "long" }).format(
      ctx.clock(),
    ),
  });
  return { templateId: template.id, text };
}
