import { describe, expect, it } from "vitest";
import { type BatchMessage, leadKey, type PostLead, postsReactedTo } from "./postReactedTo.js";

const A = "account-a";
const B = "account-b";
const msg = (
  externalId: string,
  thread: string | null,
  inReplyTo: string | null = null,
  account = A,
): BatchMessage => ({
  channelAccountId: account,
  externalId,
  threadExternalId: thread,
  inReplyToExternalId: inReplyTo,
});
const leads = (entries: [string, string, Partial<PostLead>][]) =>
  new Map(entries.map(([account, id, lead]) => [leadKey(account, id), { publication: null, part: null, ...lead }]));

describe("the post a message of a batch reacts to", () => {
  it("is our publication that is the thread's root before the one answered, the parent's post, or a later part", () => {
    const found = leads([
      [A, "toot-1", { publication: "post-1" }],
      [A, "toot-2", { publication: "post-2" }],
      [A, "citizen", { storedMessage: { postId: "post-3" } }],
      [A, "part-4", { part: "post-4" }],
    ]);
    expect(
      postsReactedTo(
        [
          msg("m1", "toot-1", "toot-2"),
          msg("m2", null, "toot-2"),
          msg("m3", "part-4", "citizen"),
          msg("m4", "part-4", "unknown"),
          msg("m5", null, null),
          msg("m6", "toot-1", null, B),
        ],
        found,
      ),
    ).toEqual(["post-1", "post-2", "post-3", "post-4", null, null]);
  });

  it("takes the post of a parent earlier or later in the batch, through a chain, but a stored parent first", () => {
    const found = leads([
      [A, "toot", { publication: "post-1" }],
      [A, "stored", { storedMessage: { postId: "post-2" } }],
    ]);
    expect(
      postsReactedTo(
        [
          msg("c", "b", "b"),
          msg("b", "a", "a"),
          msg("a", "toot", null),
          // A copy of a stored message is a duplicate: its reply takes the stored one's post.
          msg("stored", "toot", null),
          msg("d", "stored", "stored"),
        ],
        found,
      ),
    ).toEqual(["post-1", "post-1", "post-1", "post-1", "post-2"]);
  });

  it("takes the first of the same external id in the batch, and ends a circle of replies", () => {
    expect(
      postsReactedTo(
        [msg("x", "toot", null), msg("x", "other", null), msg("y", "x", "x"), msg("p", "q", "q"), msg("q", "p", "p")],
        leads([[A, "toot", { publication: "post-1" }]]),
      ),
    ).toEqual(["post-1", null, "post-1", null, null]);
  });
});
