// How active each channel account is: its last publication, its last answer to a citizen and its last
// citizen message; idle when nothing was posted, or citizens wrote but got no answer, for the
// organisation's idle period ("no channel left idle for weeks").
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { channelAccounts } from "../../db/schema/index.js";

export interface ChannelActivity {
  channelAccountId: string;
  name: string;
  network: string;
  accountableUserId: string | null;
  lastPostAt: Date | null;
  lastAnswerAt: Date | null;
  lastCitizenMessageAt: Date | null;
  idle: "posts" | "answers" | null;
}

export async function channelActivityOf(
  tx: Db | Tx,
  args: { orgId: string; idleDays: number; now: Date },
): Promise<ChannelActivity[]> {
  const a = channelAccounts;
  const rows = await tx
    .select({
      channelAccountId: a.id,
      name: a.name,
      network: a.network,
      accountableUserId: a.accountableUserId,
      createdAt: a.createdAt,
      lastPostAt: sql<string | null>`greatest(
        (select max(p.published_at) from publications p where p.channel_account_id = ${a.id} and p.status = 'published'),
        (select max(w.published_at) from website_entries w where w.channel_account_id = ${a.id}))`,
      lastAnswerAt: sql<
        string | null
      >`(select max(c.last_response_at) from conversations c where c.channel_account_id = ${a.id})`,
      lastCitizenMessageAt: sql<
        string | null
      >`(select max(c.last_message_at) from conversations c where c.channel_account_id = ${a.id})`,
    })
    .from(a)
    .where(and(eq(a.orgId, args.orgId), isNull(a.disabledAt)));
  const limit = args.now.getTime() - args.idleDays * 24 * 3_600_000;
  const date = (v: string | Date | null) => (v === null ? null : new Date(v));
  return rows.map((r) => {
    const lastPostAt = date(r.lastPostAt);
    const lastAnswerAt = date(r.lastAnswerAt);
    const lastCitizenMessageAt = date(r.lastCitizenMessageAt);
    const since = (d: Date | null) => (d ?? r.createdAt).getTime();
    const unansweredWhile =
      lastCitizenMessageAt !== null &&
      (lastAnswerAt === null || lastAnswerAt < lastCitizenMessageAt) &&
      since(lastAnswerAt) < limit &&
      lastCitizenMessageAt.getTime() < args.now.getTime();
    const idle = since(lastPostAt) < limit ? "posts" : unansweredWhile ? "answers" : null;
    return {
      channelAccountId: r.channelAccountId,
      name: r.name,
      network: r.network,
      accountableUserId: r.accountableUserId,
      lastPostAt,
      lastAnswerAt,
      lastCitizenMessageAt,
      idle,
    };
  });
}
