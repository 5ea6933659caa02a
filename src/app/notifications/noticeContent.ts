// What an e-mail or a push says about a notification: a German sentence for its kind and a link into the app.
// Deliberately less than the in-app notice shows: no citizen's name, no text, not even who caused it — the
// message leaves draht, through mail servers and browser vendors' push services; what it is about is read
// in draht after signing in.

export interface NoticeFacts {
  id: string;
  orgId: string;
  kind: string;
  conversationId: string | null;
  moderationCaseId: string | null;
  postId: string | null;
  knowledgeArticleId: string | null;
}

const TITLES: Readonly<Record<string, string>> = {
  threat: "Drohung erkannt – bitte sofort prüfen",
  shitstorm: "Ungewöhnlich viele beleidigende Beiträge auf einem Kanal",
  moderation_escalation: "Ein Moderationsfall wurde an Sie eskaliert",
  due_soon: "Eine Antwort ist bald fällig",
  reminder: "Erinnerung: Ein Vorgang ist überfällig",
  escalation: "Eskalation: Ein Vorgang ist deutlich überfällig",
  approval_waiting: "Ein Beitrag wartet auf Ihre Freigabe",
  mention: "Sie wurden in einem Vorgang erwähnt",
  article_mention: "Sie wurden in einem Wissensartikel erwähnt",
  channel_health: "Ein Kanal hat ein Verbindungsproblem",
  idle_channel: "Ein Kanal ist länger ohne Beitrag oder Antwort",
};

const SENTENCES: Readonly<Record<string, string>> = {
  threat: "In draht wurde eine Drohung erkannt. Die Beweise sind gesichert; bitte prüfen Sie den Fall sofort.",
  shitstorm: "Auf einem Kanal gehen ungewöhnlich viele beleidigende Beiträge ein.",
  moderation_escalation: "Ein Moderationsfall wurde an Sie eskaliert und wartet auf Ihre Entscheidung.",
  due_soon: "Ein Vorgang wartet auf eine Antwort, die bald fällig ist.",
  reminder: "Ein Vorgang wartet länger auf eine Antwort, als vereinbart ist.",
  escalation: "Ein Vorgang ist deutlich überfällig und wurde an Sie eskaliert.",
  approval_waiting: "Ein Beitrag wartet auf Ihre Freigabe, bevor er veröffentlicht werden kann.",
  mention: "Sie wurden in einer internen Notiz zu einem Vorgang erwähnt.",
  article_mention: "Sie wurden in einem Kommentar zu einem Wissensartikel erwähnt.",
  channel_health:
    "Ein Kanal, den Sie verantworten, hat ein Verbindungsproblem (Anmeldung abgelaufen oder Netzwerk gestört).",
  idle_channel: "Ein Kanal, den Sie verantworten, ist länger ohne Beitrag oder Antwort.",
};

/** The page in the app that shows what the notice is about. */
export function noticePath(n: NoticeFacts): string {
  const org = `/o/${n.orgId}`;
  if (n.moderationCaseId) return `${org}/moderation/cases/${n.moderationCaseId}`;
  if (n.conversationId) return `${org}/inbox?c=${n.conversationId}`;
  if (n.postId) return `${org}/publish/${n.postId}`;
  if (n.knowledgeArticleId) return `${org}/knowledge/articles/${n.knowledgeArticleId}`;
  if (n.kind === "shitstorm") return `${org}/moderation`;
  if (n.kind === "channel_health" || n.kind === "idle_channel") return `${org}/inbox/workload`;
  return org;
}

export function noticeTitle(kind: string): string {
  return TITLES[kind] ?? "Neuer Hinweis in draht";
}

/** The e-mail: subject with the organisation's name, the sentence, the link, and why it came. */
export function noticeMail(args: { notice: NoticeFacts; orgName: string; personName: string; publicUrl: string }) {
  const { notice } = args;
  return {
    subject: `${args.orgName}: ${noticeTitle(notice.kind)}`,
    text: [
      `Guten Tag ${args.personName},`,
      "",
      SENTENCES[notice.kind] ?? "In draht gibt es einen neuen Hinweis für Sie.",
      "",
      `Öffnen in draht: ${args.publicUrl}${noticePath(notice)}`,
      "",
      "Sie erhalten diese E-Mail, weil Sie in draht unter „Mein Konto“ Benachrichtigungen per E-Mail für diese " +
        "Art von Hinweisen eingeschaltet haben oder die Voreinstellung gilt. Dort können Sie sie abbestellen.",
    ].join("\n"),
  };
}

/** The push: what the service worker shows (no personal data; the link opens the app). */
export function noticePush(args: { notice: NoticeFacts; orgName: string; publicUrl: string }) {
  return {
    title: noticeTitle(args.notice.kind),
    body: `${args.orgName} – in draht öffnen`,
    url: `${args.publicUrl}${noticePath(args.notice)}`,
    tag: args.notice.id,
  };
}
