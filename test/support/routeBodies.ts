// Sample request bodies for the route × role matrix (test/route-access.test.ts): one valid body per route that
// takes one and names nothing of a particular organisation (those are built per organisation in the test).
import { DEFAULT_NETIQUETTE } from "../../src/domain/website/netiquette.js";
import { DEFAULT_WEBSITE_SETTINGS } from "../../src/domain/website/publicSettings.js";

export const SAMPLE_BODIES: Record<string, unknown> = {
  "PATCH /api/orgs/:orgId": { timeZone: "Europe/Berlin" },
  "POST /api/orgs/:orgId/departments": { name: "Neues Amt" },
  "PATCH /api/orgs/:orgId/departments/:departmentId": { name: "Umbenanntes Amt" },
  "POST /api/orgs/:orgId/invitations": { email: "neu@example.org", name: "Neu", roles: ["editor"] },
  "PATCH /api/orgs/:orgId/members/:userId": { roles: ["analyst"] },
  "POST /api/auth/password": { currentPassword: "x", newPassword: "Ein sehr gutes Passwort" },
  "POST /api/orgs/:orgId/channels": { name: "Website", network: "website" },
  "PATCH /api/orgs/:orgId/channels/:channelAccountId": { name: "Website (neu)" },
  "PUT /api/orgs/:orgId/channel-networks/:network": { enabled: true },
  "POST /api/orgs/:orgId/guidelines": { title: "Richtlinie", rules: {}, reviewBy: "2030-01-01" },
  "POST /api/orgs/:orgId/posts": { body: "Hallo" },
  "POST /api/orgs/:orgId/posts/check": { body: "Hallo" },
  "PUT /api/orgs/:orgId/posts/:postId": { body: "Hallo", revision: 1 },
  "POST /api/orgs/:orgId/posts/:postId/submit": { revision: 1 },
  "POST /api/orgs/:orgId/posts/:postId/decision": { decision: "approved", revision: 1 },
  "POST /api/orgs/:orgId/posts/:postId/reschedule": { scheduledAt: "2030-01-01T10:00:00Z" },
  "POST /api/orgs/:orgId/posts/:postId/retract": { reason: "Falsche Angabe" },
  "PATCH /api/orgs/:orgId/media/:mediaId": { altText: "Neuer Alternativtext" },
  "POST /api/orgs/:orgId/campaigns": {
    name: "#24hPolizei",
    hashtag: "#24hPolizei",
    startsAt: "2030-01-01T06:00:00Z",
    endsAt: "2030-01-02T06:00:00Z",
  },
  "POST /api/orgs/:orgId/website/comments/:commentId/answer": { text: "Danke für Ihre Frage." },
  "POST /api/orgs/:orgId/website/comments/:commentId/decision": { decision: "release" },
  "PUT /api/orgs/:orgId/website/settings": DEFAULT_WEBSITE_SETTINGS,
  "PUT /api/orgs/:orgId/reports/weekly/settings": { enabled: false, recipientUserIds: [] },
  "PUT /api/account/notifications": {
    preferences: {
      threats: { email: true, push: true },
      overdue_questions: { email: true, push: false },
      approvals: { email: false, push: false },
      mentions: { email: false, push: true },
      channel_trouble: { email: false, push: false },
    },
  },
  "POST /api/account/push/subscriptions": {
    endpoint: "https://push.example.org/send/abc",
    keys: {
      p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
      auth: "tBHItJI5svbpez7KI4CCXg",
    },
  },
  "POST /api/account/push/subscriptions/remove": { endpoint: "https://push.example.org/send/abc" },
  "PUT /api/orgs/:orgId/office-schedule": {
    officeHours: [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" }],
    closingDays: [],
  },
  "POST /api/orgs/:orgId/netiquettes": DEFAULT_NETIQUETTE,
  "POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies": {
    text: "Danke für Ihre Frage, der Markt beginnt um 8 Uhr.",
  },
  "POST /api/orgs/:orgId/inbox/conversations/:conversationId/notes": { text: "Bitte das Ordnungsamt fragen." },
  "POST /api/orgs/:orgId/inbox/conversations/:conversationId/presence": { state: "viewing" },
  "POST /api/orgs/:orgId/inbox/templates": { title: "Danke", body: "Guten Tag {{name}}, vielen Dank!" },
  "PUT /api/orgs/:orgId/inbox/templates/:templateId": { title: "Danke", body: "Hallo {{name}}, danke!" },
  "POST /api/orgs/:orgId/knowledge/articles": { title: "Sperrmüll", body: "Termin online.", reviewBy: "2030-01-01" },
  "PUT /api/orgs/:orgId/knowledge/articles/:articleId": {
    title: "Sperrmüll",
    body: "Termin online oder am Telefon.",
    reviewBy: "2030-01-01",
    revision: 1,
  },
  "POST /api/orgs/:orgId/knowledge/articles/:articleId/steps": { step: "publish" },
  "POST /api/orgs/:orgId/knowledge/articles/:articleId/comments": { text: "Bitte prüfen." },
  "POST /api/orgs/:orgId/knowledge/collections": { title: "Bürgerservice", audience: "all" },
  "PUT /api/orgs/:orgId/knowledge/collections/:collectionId": { title: "Bürgerservice", audience: "all" },
  "POST /api/orgs/:orgId/knowledge/shared-items/:itemId/adopt": {},
  "POST /api/orgs/:orgId/knowledge/feed-items/:itemId/adopt": {},
  "PUT /api/orgs/:orgId/inbox/rules": {
    routing: [],
    targets: [],
    settings: { autoAcknowledge: false, idleWarningDays: 7, repeatWindowDays: 14 },
  },
  "PUT /api/orgs/:orgId/inbox/coverage": { plan: [] },
  "POST /api/orgs/:orgId/inbox/conversations/:conversationId/replies/:replyId/decision": { decision: "approved" },
  "POST /api/orgs/:orgId/inbox/notifications/read": { ids: ["00000000-0000-4000-8000-000000000000"] },
  // With a threat label: those who may not decide may not label either.
  "POST /api/orgs/:orgId/moderation/cases/:caseId/decision": {
    action: "hide",
    clause: 3,
    reason: "Beleidigung",
    threat: "threat",
  },
  "POST /api/orgs/:orgId/moderation/cases/:caseId/review": { verdict: "confirmed", note: "Richtig entschieden" },
  "POST /api/orgs/:orgId/moderation/cases/:caseId/appeal": { text: "Der Bürger widerspricht telefonisch." },
  "POST /api/orgs/:orgId/moderation/alerts/:alertId/acknowledge": {},
  "PUT /api/orgs/:orgId/campaigns/:campaignId": {
    name: "#24hPolizei",
    hashtag: "#24hPolizei",
    startsAt: "2030-01-01T06:00:00Z",
    endsAt: "2030-01-02T06:00:00Z",
  },
};

/** Bodies that create or change a department's thing: for another department they name it. */
export const DEPARTMENT_IN_BODY = new Set([
  "POST /api/orgs/:orgId/posts",
  "POST /api/orgs/:orgId/posts/check",
  "PUT /api/orgs/:orgId/posts/:postId",
  "POST /api/orgs/:orgId/campaigns",
  "PUT /api/orgs/:orgId/campaigns/:campaignId",
  "POST /api/orgs/:orgId/channels",
  "POST /api/orgs/:orgId/inbox/templates",
  "PUT /api/orgs/:orgId/inbox/templates/:templateId",
  "POST /api/orgs/:orgId/knowledge/articles",
  "PUT /api/orgs/:orgId/knowledge/articles/:articleId",
  "POST /api/orgs/:orgId/knowledge/shared-items/:itemId/adopt",
  "POST /api/orgs/:orgId/knowledge/feed-items/:itemId/adopt",
]);
