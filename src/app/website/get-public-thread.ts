// A website post as citizens see it: the text under its headline, its media, its poll (results only
// when they may be shown), and the comment thread: published comments oldest first, replies one level
// deep, staff answers marked. A citizen's own comments that wait for moderation, and the automatic
// acknowledgements of their questions, are included for that citizen's session only.
import { and, asc, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { websiteComments, websiteEntries } from "../../db/schema/index.js";
import { AppError } from "../../domain/errors.js";
import { splitHeadline } from "../../domain/website/postHeadline.js";
import type { AppContext } from "../context.js";
import { type CitizenSession, findCitizenSession } from "./citizenSession.js";
import { mediaOfEntries } from "./entryMedia.js";
import { findPublicOrg, netiquetteInForce } from "./publicOrg.js";
import { pollViewOf } from "./pollRecords.js";

export const THREAD_PAGE_SIZE = 50;

export interface PublicComment {
  id: string;
  authorKind: "citizen" | "staff";
  displayName: string;
  text: string;
  createdAt: string;
  state: "visible" | "pending" | "deleted";
  /** An automatic acknowledgement of the reader's own question (never shown to anyone else). */
  acknowledgement: boolean;
  replies: PublicComment[];
}

export async function getPublicThread(
  ctx: AppContext,
  options: { orgKey: string; entryId: string; token?: string; page?: number },
) {
  const org = await findPublicOrg(ctx.db, options.orgKey);
  const [entry] = await ctx.db
    .select({ id: websiteEntries.id, text: websiteEntries.text, publishedAt: websiteEntries.publishedAt })
    .from(websiteEntries)
    .where(
      and(eq(websiteEntries.id, options.entryId), eq(websiteEntries.orgId, org.id), isNull(websiteEntries.removedAt)),
    );
  if (!entry) throw new AppError("NOT_FOUND");
  const session = await findCitizenSession(ctx.db, { orgId: org.id, token: options.token });
  const page = Math.max(1, options.page ?? 1);
  const { comments, topLevelCount } = await threadComments(ctx.db, { entryId: entry.id, session, page });
  const netiquette = await netiquetteInForce(ctx.db, org.id);
  return {
    org: { slug: org.slug, name: org.name, settings: org.settings },
    netiquette: netiquette ? { id: netiquette.id, version: netiquette.version, title: netiquette.title } : null,
    /** Open when the organisation allows comments and has published a Netiquette to accept. */
    commentsOpen: org.settings.commentsOpen && netiquette !== null,
    viewer: {
      hasSession: session !== null,
      netiquetteAccepted: session !== null && netiquette !== null && session.netiquetteId === netiquette.id,
    },
    entry: {
      id: entry.id,
      text: entry.text,
      ...splitHeadline(entry.text),
      publishedAt: entry.publishedAt.toISOString(),
      media: (await mediaOfEntries(ctx.db, [entry.id])).get(entry.id) ?? [],
    },
    poll: await pollViewOf(ctx, { entryId: entry.id, sessionId: session?.id ?? null, now: ctx.clock() }),
    comments,
    page,
    pages: Math.max(1, Math.ceil(topLevelCount / THREAD_PAGE_SIZE)),
  };
}

/** One page of top-level comments with their replies, as the session (or an anonymous reader) may see them. */
async function threadComments(db: Db, args: { entryId: string; session: CitizenSession | null; page: number }) {
  const { session } = args;
  const acknowledgement = sql`${websiteComments.acknowledgesCommentId} is not null`;
  // The session wrote the comment this acknowledgement acknowledges.
  const acknowledgesOwn = session
    ? sql`exists (select 1 from website_comments own where own.id = ${websiteComments.acknowledgesCommentId} and own.session_id = ${session.id})`
    : sql`false`;
  const shown = or(
    and(inArray(websiteComments.status, ["visible", "deleted"]), isNull(websiteComments.acknowledgesCommentId)),
    session ? and(eq(websiteComments.status, "held"), eq(websiteComments.sessionId, session.id)) : sql`false`,
    and(eq(websiteComments.status, "visible"), acknowledgement, acknowledgesOwn),
  );
  const [topLevelCount] = await db
    .select({ n: count() })
    .from(websiteComments)
    .where(and(eq(websiteComments.entryId, args.entryId), isNull(websiteComments.parentId), shown));
  const columns = {
    id: websiteComments.id,
    parentId: websiteComments.parentId,
    authorKind: websiteComments.authorKind,
    displayName: websiteComments.displayName,
    text: websiteComments.text,
    status: websiteComments.status,
    acknowledgesCommentId: websiteComments.acknowledgesCommentId,
    createdAt: websiteComments.createdAt,
  };
  const topLevel = await db
    .select(columns)
    .from(websiteComments)
    .where(and(eq(websiteComments.entryId, args.entryId), isNull(websiteComments.parentId), shown))
    .orderBy(asc(websiteComments.createdAt), asc(websiteComments.id))
    .limit(THREAD_PAGE_SIZE)
    .offset((args.page - 1) * THREAD_PAGE_SIZE);
  const replies = topLevel.length
    ? await db
        .select(columns)
        .from(websiteComments)
        .where(
          and(
            inArray(
              websiteComments.parentId,
              topLevel.map((c) => c.id),
            ),
            shown,
          ),
        )
        .orderBy(asc(websiteComments.createdAt), asc(websiteComments.id))
    : [];
  const present = (row: (typeof topLevel)[number], children: PublicComment[]): PublicComment => ({
    id: row.id,
    authorKind: row.authorKind,
    displayName: row.status === "deleted" ? "" : row.displayName,
    text: row.status === "deleted" ? "" : row.text,
    createdAt: row.createdAt.toISOString(),
    state: row.status === "held" ? "pending" : row.status === "deleted" ? "deleted" : "visible",
    acknowledgement: row.acknowledgesCommentId !== null,
    replies: children,
  });
  const comments = topLevel
    .map((row) =>
      present(
        row,
        replies.filter((r) => r.parentId === row.id && r.status !== "deleted").map((r) => present(r, [])),
      ),
    )
    .filter((c) => c.state !== "deleted" || c.replies.length > 0);
  return { comments, topLevelCount: topLevelCount?.n ?? 0 };
}
