// The shapes the citizens' API returns (see src/app/website/get-public-thread.ts and list-public-feed.ts).
export interface WidgetComment {
  id: string;
  authorKind: "citizen" | "staff";
  displayName: string;
  text: string;
  createdAt: string;
  state: "visible" | "pending" | "deleted";
  /** The automatic acknowledgement of the reader's own question (only they get it). */
  acknowledgement: boolean;
  replies: WidgetComment[];
}

export interface WidgetMedium {
  id: string;
  kind: "image" | "video";
  width: number | null;
  height: number | null;
  altText: string | null;
  hasThumbnail: boolean;
}

export interface WidgetPoll {
  question: string;
  options: string[];
  endsAt: string;
  open: boolean;
  votedFor: number | null;
  results: { total: number; options: { label: string; votes: number; percent: number }[] } | null;
}

export interface WidgetOrg {
  slug: string;
  name: string;
  settings: { accentColor: string; answerLabel: string; commentsOpen: boolean };
}

export interface WidgetThread {
  org: WidgetOrg;
  netiquette: { id: string; version: number; title: string } | null;
  commentsOpen: boolean;
  viewer: { hasSession: boolean; netiquetteAccepted: boolean };
  entry: { id: string; headline: string; body: string; publishedAt: string; media: WidgetMedium[] };
  poll: WidgetPoll | null;
  comments: WidgetComment[];
  page: number;
  pages: number;
}

export interface WidgetFeed {
  org: WidgetOrg;
  entries: { id: string; headline: string; publishedAt: string; comments: number; hasPoll: boolean }[];
}
