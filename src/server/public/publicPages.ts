// The citizen-facing pages of the website channel, server-rendered and complete without JavaScript:
// the organisation's feed, a page per post with poll and comment thread, the Netiquette, the transparency
// page (when switched on), and the pages behind the links citizens receive (delete my comment, confirm my
// address). Registered under the prefix /p, so that this scope's error and not-found pages answer every
// address there.
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { confirmCommentEmail } from "../../app/website/confirm-comment-email.js";
import { deleteOwnComment } from "../../app/website/delete-own-comment.js";
import { getPublicThread } from "../../app/website/get-public-thread.js";
import { listPublicFeed } from "../../app/website/list-public-feed.js";
import { getPublicNetiquette } from "../../app/website/get-public-netiquette.js";
import { getTransparencyFigures } from "../../app/website/get-transparency-figures.js";
import { type PublicOrg, findPublicOrg } from "../../app/website/publicOrg.js";
import { isAppError } from "../../domain/errors.js";
import { citizenTextHtml, dateLabel, escapeHtml, pageHtml, paragraphsHtml, timeHtml } from "./html.js";
import { mediaHtml } from "./mediaHtml.js";
import { type PublicErrorKind, publicErrorPage } from "./errorPages.js";
import { PUBLIC_CSS, themeCss } from "./styles.js";
import { pollHtml, threadHtml } from "./threadHtml.js";
import { transparencyHtml } from "./transparencyHtml.js";

const ZOrg = z.object({ org: z.string().min(1).max(100) });
const ZEntry = ZOrg.extend({ entryId: z.uuid() });
const ZComment = ZOrg.extend({ commentId: z.uuid() });
const ZPage = z.object({ seite: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) });
const ZTokenQuery = z.object({ token: z.string().max(200).default("") });

const html = (reply: FastifyReply, body: string, status = 200) =>
  reply.status(status).type("text/html; charset=utf-8").send(body);
/** A post's heading: its headline (see domain/website/postHeadline.ts), its date where the text has none. */
const headingOf = (entry: { headline: string; publishedAt: string }) =>
  entry.headline || `Beitrag vom ${dateLabel(entry.publishedAt)}`;

export async function publicPageRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  const { ctx } = options;
  // Forms on these pages post application/x-www-form-urlencoded (no JavaScript needed).
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  const errorPage = async (reply: FastifyReply, kind: PublicErrorKind, orgKey: unknown) => {
    // The failure page asks the database nothing: the database may be what failed.
    const org = kind !== "failed" && typeof orgKey === "string" ? await publicOrgOrNull(ctx, orgKey) : null;
    const page = publicErrorPage(kind, org);
    return html(reply, page.body, page.status);
  };
  app.setErrorHandler(async (error, request, reply) => {
    const orgKey = (request.params as { org?: unknown } | undefined)?.org;
    // A malformed id in the address (zod) names no page, just as an unknown one does.
    if (error instanceof z.ZodError || (isAppError(error) && error.code === "NOT_FOUND"))
      return errorPage(reply, "not_found", orgKey);
    if (isAppError(error) && error.code === "VALIDATION_FAILED") return errorPage(reply, "bad_address", orgKey);
    request.log.error({ err: error }, "public page failed");
    return errorPage(reply, "failed", null);
  });
  // Every unknown address under /p/ (this scope's prefix): the organisation's layout when it names one.
  app.setNotFoundHandler(async (request, reply) => errorPage(reply, "not_found", orgKeyOf(request.url)));

  app.get("/assets/public.css", async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(PUBLIC_CSS),
  );

  app.get("/:org/theme.css", async (request, reply) => {
    const org = await findPublicOrg(ctx.db, ZOrg.parse(request.params).org);
    return reply
      .type("text/css; charset=utf-8")
      .header("cache-control", "public, max-age=300")
      .send(themeCss(org.settings.accentColor));
  });

  app.get("/:org", async (request, reply) => {
    const { org } = ZOrg.parse(request.params);
    const { seite } = ZPage.parse(request.query);
    const feed = await listPublicFeed(ctx, { orgKey: org, page: seite });
    const base = `/p/${encodeURIComponent(feed.org.slug)}`;
    const items = feed.entries
      .map(
        (
          e,
        ) => `<li><article aria-labelledby="e-${e.id}"><h2 id="e-${e.id}"><a href="${base}/beitrag/${e.id}">${escapeHtml(headingOf(e))}</a></h2>
<p class="meta">${timeHtml(e.publishedAt)} · ${e.comments} ${e.comments === 1 ? "Kommentar" : "Kommentare"}${e.hasPoll ? " · mit Umfrage" : ""}</p>
${e.body ? `<div class="text">${paragraphsHtml(e.body)}</div>` : ""}${mediaHtml(feed.org.slug, e.media)}</article></li>`,
      )
      .join("\n");
    const pager = [
      seite > 1 ? `<li><a href="${base}?seite=${seite - 1}">Neuere Beiträge</a></li>` : "",
      feed.hasMore ? `<li><a href="${base}?seite=${seite + 1}">Ältere Beiträge</a></li>` : "",
    ].join("");
    const main = `<h1>Aktuelles</h1>${items ? `<ol class="feed">${items}</ol>` : "<p>Noch keine Beiträge.</p>"}${pager ? `<nav aria-label="Seiten"><ul class="pager">${pager}</ul></nav>` : ""}`;
    return html(reply, pageHtml({ org: feed.org, title: "Aktuelles", main }));
  });

  app.get("/:org/beitrag/:entryId", async (request, reply) => {
    const { org, entryId } = ZEntry.parse(request.params);
    const { seite } = ZPage.parse(request.query);
    const thread = await getPublicThread(ctx, { orgKey: org, entryId, page: seite });
    const base = `/p/${encodeURIComponent(thread.org.slug)}`;
    const commenting = thread.commentsOpen
      ? `<p class="notice" data-draht-noscript>Zum Kommentieren und Abstimmen wird JavaScript benötigt: Ein kleines Rechenrätsel in Ihrem Browser schützt vor Spam, ganz ohne Cookies und Captcha-Dienste.</p>`
      : `<p class="notice">Die Kommentarfunktion ist geschlossen.</p>`;
    const heading = headingOf(thread.entry);
    const main = `<article class="post" aria-labelledby="beitrag-titel">
<h1 id="beitrag-titel">${escapeHtml(heading)}</h1>
<p class="meta">Veröffentlicht am ${timeHtml(thread.entry.publishedAt)}</p>
${thread.entry.body ? `<div class="text">${paragraphsHtml(thread.entry.body)}</div>` : ""}
${mediaHtml(thread.org.slug, thread.entry.media)}
</article>
<div id="mitreden" data-draht-thread="${thread.entry.id}" data-draht-org="${escapeHtml(thread.org.slug)}" data-draht-page="${thread.page}">
${thread.poll ? pollHtml(thread.poll) : ""}
${threadHtml({ comments: thread.comments, answerLabel: thread.org.settings.answerLabel, page: thread.page, pages: thread.pages, baseUrl: `${base}/beitrag/${thread.entry.id}` })}
${commenting}
</div>`;
    return html(reply, pageHtml({ org: thread.org, title: heading, main, script: true }));
  });

  app.get("/:org/netiquette", async (request, reply) => {
    const { org, netiquette } = await getPublicNetiquette(ctx, { orgKey: ZOrg.parse(request.params).org });
    const main = netiquette
      ? `<h1>${escapeHtml(netiquette.title)}</h1><p class="meta">Version ${netiquette.version}, gültig seit ${timeHtml(netiquette.publishedAt.toISOString(), false)}</p>
${paragraphsHtml(netiquette.intro)}
<ol class="clauses">${netiquette.clauses.map((c) => `<li id="p${c.number}"><strong>§${c.number} ${escapeHtml(c.title)}.</strong> ${citizenTextHtml(c.text)}</li>`).join("")}</ol>`
      : `<h1>Netiquette</h1><p>Die Netiquette wird gerade überarbeitet.</p>`;
    return html(reply, pageHtml({ org, title: "Netiquette", main }));
  });

  // Only when the organisation switched it on; otherwise the use case says NOT_FOUND and the page is "Nicht gefunden".
  app.get("/:org/transparenz", async (request, reply) => {
    const figures = await getTransparencyFigures(ctx, { orgKey: ZOrg.parse(request.params).org });
    return html(reply, pageHtml({ org: figures.org, title: "Transparenz", main: transparencyHtml(figures) }));
  });

  linkPages(app, ctx);
}

/** The pages behind the links in a citizen's hands: confirm first with a button, so link scanners change nothing. */
function linkPages(app: FastifyInstance, ctx: AppContext) {
  const pages = [
    {
      path: "loeschen",
      title: "Kommentar löschen",
      question: "Möchten Sie Ihren Kommentar endgültig löschen? Name, Text und E-Mail-Adresse werden sofort entfernt.",
      button: "Kommentar löschen",
      done: "Ihr Kommentar wurde gelöscht.",
      run: (commentId: string, token: string) => deleteOwnComment(ctx, { commentId, token }),
    },
    {
      path: "bestaetigen",
      title: "E-Mail-Adresse bestätigen",
      question:
        "Bestätigen Sie Ihre E-Mail-Adresse, damit wir Sie benachrichtigen, wenn die Verwaltung auf Ihren Kommentar antwortet.",
      button: "Adresse bestätigen",
      done: "Danke, Ihre Adresse ist bestätigt. Sie erhalten eine E-Mail, sobald die Verwaltung antwortet.",
      run: (commentId: string, token: string) => confirmCommentEmail(ctx, { commentId, token }),
    },
  ];
  for (const page of pages) {
    const url = `/:org/kommentar/:commentId/${page.path}`;
    const render = async (orgKey: string, main: string) =>
      pageHtml({ org: await findPublicOrg(ctx.db, orgKey), title: page.title, main });
    app.get(url, async (request, reply) => {
      const { org } = ZComment.parse(request.params);
      const { token } = ZTokenQuery.parse(request.query);
      const form = `<form method="post"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">${page.button}</button></form>`;
      return html(reply, await render(org, `<h1>${page.title}</h1><p>${page.question}</p>${form}`));
    });
    app.post(url, async (request, reply) => {
      const { org, commentId } = ZComment.parse(request.params);
      const { token } = ZTokenQuery.parse(request.body ?? {});
      try {
        await page.run(commentId, token);
      } catch (error) {
        if (!isAppError(error) || error.code !== "NOT_FOUND") throw error;
        return html(
          reply,
          await render(
            org,
            `<h1>${page.title}</h1><p role="alert">Dieser Link ist ungültig oder wurde schon benutzt.</p>`,
          ),
          404,
        );
      }
      return html(reply, await render(org, `<h1>${page.title}</h1><p role="status">${page.done}</p>`));
    });
  }
}

/** The organisation key of an address under /p/ (its first segment), if it can be read. */
function orgKeyOf(url: string): string | null {
  const segment = url.split("?")[0]?.split("/")[2];
  if (!segment) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

async function publicOrgOrNull(ctx: AppContext, orgKey: string): Promise<PublicOrg | null> {
  try {
    return await findPublicOrg(ctx.db, orgKey);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
