// The address rule (domain/serverAddress.ts) when a person names a network server: on saving a channel
// account and before connecting it. The name is resolved and every address checked, so a clear German
// error comes at once instead of a refused connection later; the connection itself is checked again
// (net/guardedFetch.ts), because DNS may answer differently by then.
import { mailServerUrlsOf, serverUrlOf } from "../../domain/channelSettings.js";
import { AppError } from "../../domain/errors.js";
import { isIpLiteral, refusalOfAddress, refusalOfUrl } from "../../domain/serverAddress.js";
import type { AppContext } from "../context.js";

/** Refuses the servers named in a channel account's settings (Mastodon serverUrl, Bluesky serviceUrl, a mailbox's IMAP and SMTP hosts). */
export async function requireAllowedServerOf(ctx: AppContext, settings: Record<string, unknown>): Promise<void> {
  // A mailbox names two servers (IMAP in, SMTP out): both must be allowed.
  for (const mail of mailServerUrlsOf(settings)) await requireAllowedServer(ctx, mail);
  const url = serverUrlOf(settings);
  if (url)
    await requireAllowedServer(ctx, {
      url,
      field: "serverUrl" in settings ? "settings.serverUrl" : "settings.serviceUrl",
    });
}

export async function requireAllowedServer(ctx: AppContext, args: { url: string; field: string }): Promise<void> {
  const policy = ctx.networkServers;
  const refused = (reason: string, cause: unknown) =>
    new AppError("CHANNEL_SERVER_NOT_ALLOWED", { details: { field: args.field, reason }, cause });
  const refusal = refusalOfUrl(args.url, policy);
  if (refusal) throw refused(refusal.reason, refusal);
  const hostname = new URL(args.url).hostname;
  if (isIpLiteral(hostname)) return;
  // A name that does not resolve now is no address to refuse: the connection will say it is unreachable.
  const addresses = await ctx.networkServers.lookup(hostname).catch(() => []);
  for (const { address } of addresses) {
    const found = refusalOfAddress(address, policy, hostname);
    if (found) throw refused(found.reason, found);
  }
}
