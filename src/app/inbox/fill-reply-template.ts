// A reply template filled for one conversation: the citizen's name, the organisation, the person
// answering, the department and today's date go into its placeholders. Staff edit the result before
// sending; what is sent is their text.
import { eq } from "drizzle-orm";
import { departments, organisations, users } from "../../db/schema/index.js";
import { sharedReference } from "../../domain/policy.js";
import { fillTemplate } from "../../domain/replyTemplates.js";
import { type OrgActor, requireAllowed } from "../authorization.js";
import type { AppContext } from "../context.js";
import { loadConversation } from "./conversationAccess.js";
import { loadTemplate } from "./reply-templates.js";

export async function fillReplyTemplate(
  ctx: AppContext,
  options: { actor: OrgActor; orgId: string; conversationId: string; templateId: string },
) {
  const conversation = await loadConversation(ctx, ctx.db, { ...options, action: "inbox.reply" });
  const template = await loadTemplate(ctx.db, options);
  requireAllowed(ctx, options.actor, "inbox.view", sharedReference(options.orgId, template.departmentId));
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
