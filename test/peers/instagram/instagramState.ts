// The fake Instagram Graph API's state (fakeInstagramApi.ts serves it): the professional account and its page,
// containers with Meta's status progression (IN_PROGRESS → FINISHED, EXPIRED after 24 hours, PUBLISHED once
// published), published media with their alt texts, comments with replies and their hidden flag, direct messages,
// and what citizens do — written from Meta's reference (Instagram Platform: content publishing, comment moderation,
// messaging; Webhooks for Instagram), with its signed webhook deliveries.
import { randomBytes } from "node:crypto";
import { metaSignature } from "../../../src/channels/meta/metaWebhooks.js";

export interface Container {
  id: string;
  kind: "IMAGE" | "CAROUSEL";
  imageUrl: string | null;
  altText: string | null;
  caption: string;
  children: string[];
  isCarouselItem: boolean;
  /** Status reads still answered IN_PROGRESS (Meta processes the fetched image for a while). */
  pendingReads: number;
  status: "IN_PROGRESS" | "FINISHED" | "ERROR" | "EXPIRED" | "PUBLISHED";
  createdAt: Date;
  /** The bytes Instagram fetched from image_url. */
  bytes: Buffer | null;
}

export interface PublishedMedia {
  id: string;
  caption: string;
  altTexts: (string | null)[];
  images: Buffer[];
  timestamp: Date;
  permalink: string;
}

export interface Comment {
  id: string;
  text: string;
  from: { id: string; username: string };
  mediaId: string;
  parentId: string | null;
  timestamp: Date;
  hidden: boolean;
}

export interface Delivery {
  body: Buffer;
  headers: Record<string, string>;
}

/** Graph's timestamp format: ISO 8601 in whole seconds with "+0000". */
export const graphTimestamp = (d: Date) => `${d.toISOString().slice(0, 19)}+0000`;

export class InstagramState {
  readonly igUserId = "17841400000000001";
  readonly pageId = "100000000000001";
  readonly username = "stadt_musterstadt";
  token = `EAAG${randomBytes(24).toString("hex")}`;
  readonly appSecret = randomBytes(16).toString("hex");
  /** Status reads a new container answers IN_PROGRESS before FINISHED. */
  processingReads = 1;
  rateLimitedUntil = 0;
  readonly containers = new Map<string, Container>();
  readonly media = new Map<string, PublishedMedia>();
  readonly comments = new Map<string, Comment>();
  readonly sentMessages: { id: string; recipient: string; text: string }[] = [];
  readonly lastWroteAt = new Map<string, Date>();
  private next = 18_000_000_000_000_000n;

  constructor(readonly clock: () => Date) {}

  newId(): string {
    this.next += BigInt(1 + Math.floor(Math.random() * 1000));
    return this.next.toString();
  }

  /** A citizen comments on a medium (or answers a comment): the comment, and the webhook delivery Meta sends. */
  citizenComments(args: { mediaId: string; text: string; username?: string; parentId?: string }): {
    comment: Comment;
    delivery: Delivery;
  } {
    const username = args.username ?? "erika_m";
    const comment: Comment = {
      id: this.newId(),
      text: args.text,
      from: { id: `9${Buffer.from(username).toString("hex").slice(0, 15)}`, username },
      mediaId: args.mediaId,
      parentId: args.parentId ?? null,
      timestamp: this.clock(),
      hidden: false,
    };
    this.comments.set(comment.id, comment);
    const value = {
      id: comment.id,
      text: comment.text,
      from: comment.from,
      media: { id: comment.mediaId, media_product_type: "FEED" },
      ...(comment.parentId ? { parent_id: comment.parentId } : {}),
    };
    return { comment, delivery: this.deliver({ changes: [{ field: "comments", value }] }) };
  }

  /** A citizen writes a direct message to the account: the webhook delivery (messaging arrives only this way). */
  citizenWritesDirect(args: { senderId: string; text: string }): { mid: string; delivery: Delivery } {
    const mid = `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE${randomBytes(12).toString("hex")}`;
    const now = this.clock();
    this.lastWroteAt.set(args.senderId, now);
    const messaging = [
      {
        sender: { id: args.senderId },
        recipient: { id: this.igUserId },
        timestamp: now.getTime(),
        message: { mid, text: args.text },
      },
    ];
    return { mid, delivery: this.deliver({ messaging }) };
  }

  /** Meta's envelope around one entry, signed with the app secret (X-Hub-Signature-256). */
  deliver(entry: Record<string, unknown>): Delivery {
    const body = Buffer.from(
      JSON.stringify({
        object: "instagram",
        entry: [{ id: this.igUserId, time: Math.floor(this.clock().getTime() / 1000), ...entry }],
      }),
    );
    return {
      body,
      headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(body, this.appSecret) },
    };
  }

  /** A container's status as Meta reports it at the time of reading. */
  readStatus(container: Container): Container["status"] {
    const expired = this.clock().getTime() - container.createdAt.getTime() >= 24 * 3_600_000;
    if (expired && container.status !== "PUBLISHED") container.status = "EXPIRED";
    if (container.status === "IN_PROGRESS") {
      if (container.pendingReads > 0) container.pendingReads--;
      else container.status = "FINISHED";
    }
    return container.status;
  }

  /** The comments of a medium, top-level first by time, with their replies. */
  commentsOf(mediaId: string): Comment[] {
    return [...this.comments.values()].filter((c) => c.mediaId === mediaId);
  }
}
