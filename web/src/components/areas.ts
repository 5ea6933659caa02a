// The areas of the admin app and the action that opens each one.
export const AREAS = [
  { id: "inbox", action: "inbox.view" },
  { id: "publish", action: "post.draft" },
  { id: "calendar", action: "calendar.view" },
  { id: "moderation", action: "moderation.view" },
  { id: "knowledge", action: "knowledge.view" },
  { id: "reports", action: "reports.view" },
  { id: "guidelines", action: "guideline.view" },
  { id: "admin", action: "member.view" },
] as const;

export type AreaId = (typeof AREAS)[number]["id"];

export function allowedAreas(actions: readonly string[]) {
  return AREAS.filter((area) => actions.includes(area.action));
}
