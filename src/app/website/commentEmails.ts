// The e-mails around a citizen comment: confirming the address (double opt-in) and, once confirmed,
// the automatic acknowledgement of a question and the notice that the administration has answered.
// They wait in the e-mail outbox for delivery.
import type { Db, Tx } from "../../db/client.js";
import { emailOutbox } from "../../db/schema/index.js";

interface OrgRef {
  id: string;
  slug: string;
  name: string;
}

export async function queueAddressConfirmation(
  tx: Db | Tx,
  args: { org: OrgRef; commentId: string; to: string; token: string; now: Date; publicUrl: string },
): Promise<void> {
  const link = `${args.publicUrl}/p/${args.org.slug}/kommentar/${args.commentId}/bestaetigen?token=${args.token}`;
  await tx.insert(emailOutbox).values({
    orgId: args.org.id,
    toAddress: args.to,
    purpose: "confirm_address",
    subject: `${args.org.name}: Bitte bestätigen Sie Ihre E-Mail-Adresse`,
    body: [
      "Guten Tag,",
      "",
      `Sie haben bei ${args.org.name} einen Kommentar geschrieben und möchten benachrichtigt werden, wenn die Verwaltung antwortet.`,
      "Bitte bestätigen Sie dazu Ihre E-Mail-Adresse:",
      link,
      "",
      "Wenn Sie das nicht waren, ignorieren Sie diese Nachricht; die Adresse wird dann nach 7 Tagen gelöscht.",
    ].join("\n"),
    createdAt: args.now,
  });
}

export async function queueAnswerNotice(
  tx: Db | Tx,
  args: { org: OrgRef; to: string; postUrl: string; now: Date },
): Promise<void> {
  await tx.insert(emailOutbox).values({
    orgId: args.org.id,
    toAddress: args.to,
    purpose: "answer_notice",
    subject: `${args.org.name} hat auf Ihren Kommentar geantwortet`,
    body: ["Guten Tag,", "", `${args.org.name} hat auf Ihren Kommentar geantwortet:`, args.postUrl].join("\n"),
    createdAt: args.now,
  });
}

/** The automatic acknowledgement of a question, to the address its author confirmed. */
export async function queueAcknowledgement(
  tx: Db | Tx,
  args: { org: OrgRef; to: string; text: string; postUrl: string; now: Date },
): Promise<void> {
  await tx.insert(emailOutbox).values({
    orgId: args.org.id,
    toAddress: args.to,
    purpose: "acknowledgement",
    subject: `${args.org.name}: Wir haben Ihre Nachricht erhalten`,
    body: ["Guten Tag,", "", args.text, "", "Ihr Kommentar:", args.postUrl].join("\n"),
    createdAt: args.now,
  });
}
