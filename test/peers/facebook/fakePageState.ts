// What the fake Facebook Graph API (fakePageGraph.ts) holds: one page with its posts, unpublished photos (with
// their alt text), citizens' comments and Messenger conversations, the page's bans and its tokens; and what
// citizens do there — comment, answer, delete a comment, write to the page —, each also as the signed webhook
// delivery Meta would post (`object: "page"`, X-Hub-Signature-256 with the app secret).
import { randomBytes } from "node:crypto";
import { metaSignature } from "../../../src/channels/meta/metaWebhooks.js";

export interface FakePost {
  id: string;
  message: string;
  link: string | null;
  photoIds: string[];
  created: Date;
  updated: Date;
  deleted: boolean;
}
export interface FakePhoto {
  id: string;
  altText: string | null;
  bytes: number;
  published: boolean;
}
export interface FakeComment {
  id: string;
  postId: string;
  parentId: string | null;
  from: { id: string; name: string };
  message: string;
  created: Date;
  hidden: boolean;
  deleted: boolean;
}
export interface FakeMessage {
  id: string;
  from: { id: string; name: string };
  message: string;
  created: Date;
}
export interface FakeConversation {
  id: string;
  psid: string;
  messages: FakeMessage[];
  updated: Date;
  citizenLastWrote: Date | null;
}
export interface Delivery {
  body: string;
  signature: string;
}

export interface Citizen {
  id: string;
  name: string;
}

/** `appSecret`: draht's app's secret at Meta (the login peer's), which signs the webhook deliveries. */
export function fakePageState(clock: () => Date, appSecret: string) {
  const pageId = "104857600000001";
  const page = { id: pageId, name: "Stadt Musterstadt", link: "https://www.facebook.com/stadtmusterstadt" };
  let sequence = 1000;
  const next = () => String(++sequence);
  const posts = new Map<string, FakePost>();
  const photos = new Map<string, FakePhoto>();
  const comments = new Map<string, FakeComment>();
  const conversations = new Map<string, FakeConversation>();
  const blocked = new Set<string>();
  /** Valid tokens: the page's and (Facebook Login) users', with when they expire (null: never). */
  const tokens = new Map<string, { kind: "page" | "user"; expiresAt: Date | null }>();
  const newToken = (kind: "page" | "user", expiresAt: Date | null = null) => {
    const token = `EAAB${randomBytes(24).toString("hex")}`;
    tokens.set(token, { kind, expiresAt });
    return token;
  };
  let pageToken = newToken("page");
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  const signed = (value: unknown): Delivery => {
    const body = JSON.stringify(value);
    return { body, signature: metaSignature(body, appSecret) };
  };
  const feedDelivery = (c: FakeComment, verb: "add" | "remove") =>
    signed({
      object: "page",
      entry: [
        {
          id: pageId,
          time: seconds(clock()),
          changes: [
            {
              field: "feed",
              value: {
                item: "comment",
                verb,
                comment_id: c.id,
                post_id: c.postId,
                parent_id: c.parentId ?? c.postId,
                from: c.from,
                message: c.message,
                created_time: seconds(c.created),
              },
            },
          ],
        },
      ],
    });

  const state = {
    pageId,
    page,
    appSecret,
    posts,
    photos,
    comments,
    conversations,
    blocked,
    tokens,
    get pageToken() {
      return pageToken;
    },
    newToken,
    next,
    throttled: false,
    requests: 0,
    citizen: (name = "Erika Mustermann"): Citizen => ({ id: String(6_000_000_000 + Number(next())), name }),
    /** A citizen comments on a post, or answers a comment (then `parentId` is the comment). */
    comment(target: string, text: string, from: Citizen = state.citizen()) {
      const parent = comments.get(target);
      const postId = parent ? parent.postId : target;
      const post = posts.get(postId);
      if (!post || post.deleted) throw new Error(`no post ${postId}`);
      const c: FakeComment = {
        id: `${postId.split("_")[1]}_${next()}`,
        postId,
        // Facebook keeps two levels: an answer to an answer goes under the same top-level comment.
        parentId: parent ? (parent.parentId ?? parent.id) : null,
        from,
        message: text,
        created: clock(),
        hidden: false,
        deleted: false,
      };
      comments.set(c.id, c);
      post.updated = c.created;
      return { comment: c, delivery: feedDelivery(c, "add") };
    },
    deleteComment(id: string) {
      const c = comments.get(id);
      if (!c) throw new Error(`no comment ${id}`);
      c.deleted = true;
      return feedDelivery(c, "remove");
    },
    /** A citizen writes to the page in Messenger (their page-scoped id is their id here). */
    writeToPage(text: string, from: Citizen = state.citizen()) {
      const at = clock();
      const conversation = conversations.get(from.id) ?? {
        id: `t_${next()}`,
        psid: from.id,
        messages: [],
        updated: at,
        citizenLastWrote: null,
      };
      conversations.set(from.id, conversation);
      const message = { id: `m_${randomBytes(18).toString("base64url")}`, from, message: text, created: at };
      conversation.messages.push(message);
      conversation.updated = at;
      conversation.citizenLastWrote = at;
      const delivery = signed({
        object: "page",
        entry: [
          {
            id: pageId,
            time: at.getTime(),
            messaging: [
              {
                sender: { id: from.id },
                recipient: { id: pageId },
                timestamp: at.getTime(),
                message: { mid: message.id, text },
              },
            ],
          },
        ],
      });
      return { message, delivery };
    },
    /** The page's token stops working (revoked: the person removed the app or lost their role). */
    revokePageToken() {
      tokens.delete(pageToken);
      pageToken = newToken("page");
      state.onNewPageToken(pageToken);
    },
    /** Told of a new page token (the login peer hands it out from then on). */
    onNewPageToken: (_token: string) => {},
    /** Answers under a post or comment, as Facebook shows them (not deleted), oldest first. */
    threadOf(id: string) {
      return [...comments.values()].filter((c) => !c.deleted && (c.postId === id || c.parentId === id || c.id === id));
    },
  };
  return state;
}
export type FakePageState = ReturnType<typeof fakePageState>;
