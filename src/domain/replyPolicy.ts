// Who may answer a post where the network lets its author decide (Bluesky threadgates): a property of the post
// that the composer sets, the connector port carries and each network's profile says whether it supports.
export const REPLY_POLICIES = ["everyone", "mentioned", "following", "followers", "nobody"] as const;
export type ReplyPolicy = (typeof REPLY_POLICIES)[number];
