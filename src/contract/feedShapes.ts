// The feed of an own collection, as the collection page and the feed routes show it (apart from
// contract/feeds.ts so that contract/sharing.ts can name it without a cycle).
import { z } from "zod";
import { ZTimestamp } from "./common.js";

/** An own collection's feed: where other installations fetch it and the fingerprint they compare. */
export const ZCollectionFeed = z
  .object({
    url: z.string(),
    fingerprint: z.string(),
    publishedAt: ZTimestamp,
    /** Stopped: the address answers 410 Gone until it is published again. */
    stoppedAt: ZTimestamp.nullable(),
    /** The newest signed revision (null until the feed was first fetched). */
    revision: z.number().int().nullable(),
    /**
     * The collection holds more than a feed may carry (1000 items, 4 MiB): subscribers refuse it (too_large) until
     * items are taken out.
     */
    tooLarge: z.boolean(),
  })
  .meta({ id: "CollectionFeed" });
