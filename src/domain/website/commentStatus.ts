// The states of a website comment: shown, waiting for a moderator, hidden by a decision, deleted.
export const COMMENT_STATUSES = ["visible", "held", "hidden", "deleted"] as const;
export type TCommentStatus = (typeof COMMENT_STATUSES)[number];
