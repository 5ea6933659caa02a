// The whole schema, one file per aggregate.
export * from "./audit.js";
export * from "./campaigns.js";
export * from "./channels.js";
export * from "./conversations.js";
export * from "./coverage.js";
export * from "./guidelines.js";
export * from "./media.js";
export * from "./org.js";
export * from "./people.js";
export * from "./posts.js";
export * from "./inbox.js";
export * from "./inboxRules.js";
export * from "./netiquette.js";
export * from "./website.js";
export * from "./moderation.js";
export * from "./channelConnections.js";
export * from "./invitations.js";
