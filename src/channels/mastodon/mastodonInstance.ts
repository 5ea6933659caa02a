// What a Mastodon instance says about itself (/api/v2/instance, or /api/v1/instance before Mastodon 4):
// its own limits for statuses, media and polls, and where its streaming API lives.
import { z } from "zod";
import type { TServerFacts } from "../../domain/channelSettings.js";
import { ConnectorError } from "../../domain/connector.js";

const ZStatusesConfig = z
  .object({
    max_characters: z.number().int().positive().optional(),
    max_media_attachments: z.number().int().min(0).optional(),
    characters_reserved_per_url: z.number().int().min(0).optional(),
  })
  .partial();
const ZPollsConfig = z.object({ max_options: z.number().int().min(2).optional() }).partial();
const ZInstanceV2 = z.object({
  configuration: z.object({
    urls: z.object({ streaming: z.string().optional() }).partial().optional(),
    statuses: ZStatusesConfig.optional(),
    polls: ZPollsConfig.optional(),
  }),
});
const ZInstanceV1 = z.object({
  max_toot_chars: z.number().int().positive().optional(),
  urls: z.object({ streaming_api: z.string().optional() }).partial().optional(),
  configuration: z
    .object({ statuses: ZStatusesConfig.optional(), polls: ZPollsConfig.optional() })
    .partial()
    .optional(),
});

/** The instance names its streaming server as wss://…; the SSE endpoints are the same host over https. */
function streamingHttpUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.replace(/^wss:/, "https:").replace(/^ws:/, "http:"));
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

type Get = <S extends z.ZodType>(path: string, schema: S) => Promise<{ body: z.output<S> }>;

export async function describeInstance(get: Get): Promise<Omit<TServerFacts, "checkedAt">> {
  const v2 = await get("/api/v2/instance", ZInstanceV2).catch((error: unknown) => {
    // Instances before Mastodon 4.0 know only /api/v1/instance.
    if (error instanceof ConnectorError && error.status === 404) return null;
    throw error;
  });
  if (v2) {
    const c = v2.body.configuration;
    return {
      maxLength: c.statuses?.max_characters,
      maxMedia: c.statuses?.max_media_attachments,
      linkLength: c.statuses?.characters_reserved_per_url,
      maxPollOptions: c.polls?.max_options,
      streamingUrl: streamingHttpUrl(c.urls?.streaming),
    };
  }
  const v1 = await get("/api/v1/instance", ZInstanceV1);
  const c = v1.body.configuration;
  return {
    maxLength: c?.statuses?.max_characters ?? v1.body.max_toot_chars,
    maxMedia: c?.statuses?.max_media_attachments,
    linkLength: c?.statuses?.characters_reserved_per_url,
    maxPollOptions: c?.polls?.max_options,
    streamingUrl: streamingHttpUrl(v1.body.urls?.streaming_api),
  };
}
