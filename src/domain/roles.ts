// Roles and the actions each grants. The one place that says which role may do what;
// scope (departments, channel accounts) and time windows are checked in policy.ts.

export const ROLES = [
  "administrator",
  "press_office",
  "department_head",
  "editor",
  "department_contributor",
  "moderator",
  "analyst",
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "org.view",
  "org.update",
  "department.view",
  "department.manage",
  "member.view",
  "member.manage",
  "audit.view",
  "inbox.view",
  "inbox.reply",
  "post.draft",
  "post.submit",
  "post.approve",
  "post.publish",
  "post.schedule",
  "channel.view",
  "channel.manage",
  "campaign.manage",
  "calendar.view",
  "moderation.view",
  "moderation.decide",
  "knowledge.view",
  "knowledge.edit",
  /** Publish the organisation's knowledge to other organisations (collections) and withdraw it. */
  "knowledge.share",
  "reports.view",
  "guideline.view",
  "guideline.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const everyone: Action[] = ["org.view", "department.view", "guideline.view", "knowledge.view"];

export const ROLE_GRANTS: Record<Role, readonly Action[]> = {
  administrator: ACTIONS,
  press_office: [
    ...everyone,
    "member.view",
    "inbox.view",
    "inbox.reply",
    "post.draft",
    "post.submit",
    "post.approve",
    "post.publish",
    "post.schedule",
    "channel.view",
    "campaign.manage",
    "calendar.view",
    "moderation.view",
    "moderation.decide",
    "knowledge.edit",
    "knowledge.share",
    "reports.view",
    "guideline.manage",
  ],
  department_head: [
    ...everyone,
    "inbox.view",
    "inbox.reply",
    "post.draft",
    "post.submit",
    "post.approve",
    "post.schedule",
    "channel.view",
    "calendar.view",
    // A head of department reads the reports of their departments (the policy narrows them to their grant).
    "reports.view",
    // Keeps their departments' knowledge (articles, Textbausteine): the policy narrows it to their grant.
    "knowledge.edit",
  ],
  editor: [
    ...everyone,
    "inbox.view",
    "inbox.reply",
    "post.draft",
    "post.submit",
    "post.schedule",
    "channel.view",
    "calendar.view",
    "knowledge.edit",
  ],
  department_contributor: [...everyone, "inbox.view", "inbox.reply", "post.draft", "channel.view", "knowledge.edit"],
  moderator: [...everyone, "inbox.view", "moderation.view", "moderation.decide"],
  analyst: [...everyone, "calendar.view", "reports.view"],
};

export function actionsOfRoles(roles: readonly Role[]): Set<Action> {
  const granted = new Set<Action>();
  for (const role of roles) for (const action of ROLE_GRANTS[role]) granted.add(action);
  return granted;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
