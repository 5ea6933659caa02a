// Answers written outside the inbox's reply (the demo's year of history, an import) remembered for suggestions as
// migration 0067 remembered the answers before it: each with the message it answered, unless that was deleted,
// hidden or blanked.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";

export async function rememberEarlierAnswers(db: Db, orgId: string): Promise<void> {
  await db.execute(sql`
    insert into answered_questions (reply_id, org_id, conversation_id, question, topics, created_at)
    select r.id, r.org_id, r.conversation_id, left(m.text, 1000), m.topics, r.created_at
      from conversation_replies r
      join inbound_messages m on m.conversation_id = r.conversation_id and m.external_id = r.in_reply_to_external_id
     where r.org_id = ${orgId} and not r.automatic and r.network_template is null
       and m.visibility not in ('hidden', 'deleted') and m.text <> ''
    on conflict do nothing`);
}
