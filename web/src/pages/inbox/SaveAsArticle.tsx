// "Antwort als Wissensartikel speichern": where a question comes again (asked again) or has been answered, people
// who write the knowledge base open the article editor prefilled — the citizen's question as the title, the last
// answer sent as the text — to turn a good answer into an article for everyone.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ConversationDetail } from "../../api/inbox";
import { useOrg } from "../../components/OrgLayout";
import type { ArticleDraftState } from "../knowledge/ArticleEditor";

const TITLE_LENGTH = 120;

/** A question as a title: one line, cut at a word within the editor's comfortable length. */
function titleOf(question: string): string {
  const line = question.replace(/\s+/g, " ").trim();
  if (line.length <= TITLE_LENGTH) return line;
  const cut = line.slice(0, TITLE_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 40)).trim()} …`;
}

/** The last answer a person sent, and the citizen's question before it (or the latest question, unanswered). */
export function answeredQuestion(detail: ConversationDetail): ArticleDraftState["draft"] | null {
  const sent = detail.replies
    .filter((r) => r.status === "sent" && !r.automatic)
    .sort((a, b) => (a.sentAt ?? a.createdAt).localeCompare(b.sentAt ?? b.createdAt))
    .at(-1);
  const before = sent
    ? detail.messages.filter((m) => m.receivedAt <= (sent.sentAt ?? sent.createdAt))
    : detail.messages;
  const question = [...before].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)).at(-1);
  if (!question) return null;
  return { title: titleOf(question.text), body: sent?.text ?? "" };
}

export function SaveAsArticle({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  const org = useOrg();
  if (!org.myActions.includes("knowledge.edit")) return null;
  const answered = detail.replies.some((r) => r.status === "sent" && !r.automatic);
  if (!answered && !detail.conversation.askedAgain) return null;
  const draft = answeredQuestion(detail);
  if (!draft) return null;
  const state: ArticleDraftState = { draft };
  return (
    <p className="save-as-article">
      {detail.conversation.askedAgain ? <span className="badge badge-warn">{t("inbox.askedAgain")}</span> : null}{" "}
      <Link to={`/o/${org.id}/knowledge/new`} state={state}>
        {t("knowledge.saveAnswer")}
      </Link>
    </p>
  );
}
