// The website channel's public feed, server-rendered without JavaScript. A first, plain page: the
// full citizen-facing pages (threads, widget, Netiquette) come with the website-channel issue.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { listWebsiteEntries } from "../../app/website/list-website-entries.js";

const ZFeedParams = z.object({ orgId: z.uuid() });

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const dateFormat = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Berlin" });

export function websiteRoutes(app: FastifyInstance, options: { ctx: AppContext }) {
  app.get("/p/:orgId", async (request, reply) => {
    const { orgId } = ZFeedParams.parse(request.params);
    const { organisation, entries } = await listWebsiteEntries(options.ctx, { orgId });
    const items = entries
      .map(
        (e) =>
          `<article id="${e.id}"><p>${escapeHtml(e.text).replace(/\n/g, "<br>")}</p><p><time datetime="${e.publishedAt.toISOString()}">${dateFormat.format(e.publishedAt)} Uhr</time></p></article>`,
      )
      .join("\n");
    const title = escapeHtml(organisation.name);
    reply.type("text/html; charset=utf-8");
    return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}: Aktuelles</title></head><body><main><h1>${title}: Aktuelles</h1>${items || "<p>Noch keine Beiträge.</p>"}</main></body></html>`;
  });
}
