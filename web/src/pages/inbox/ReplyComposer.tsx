// Answering the citizen: start from a template (its placeholders filled for this conversation), edit,
// send. The reply goes through the guideline check on the server; its findings show here when it is
// refused. Focusing the text tells colleagues "… schreibt gerade" (collision detection). Where the network allows
// free answers only within 24 hours of the citizen's last message, it says until when, and after that it does not send
// a free answer — an approved message template instead, where the network offers them (MessageTemplateSender).
// Where the channel sends files with answers (WhatsApp, e-mail, Mastodon, Telegram), pictures and videos of the media library
// can go with it, within the channel's limits (the text becomes their caption on WhatsApp). Vorschläge from the
// knowledge base and earlier answers can be inserted (Alt+1 … Alt+5); the articles inserted go with the answer as
// what it drew on (their use is counted). An unsent answer is kept per conversation while the tab is open
// (replyDrafts.ts), so moving to another conversation and back loses nothing.
import { type FormEvent, type RefObject, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { type ReplyTemplate, inboxApi } from "../../api/inbox";
import type { Finding } from "../../api/publishing";
import { ErrorMessage } from "../../components/ErrorMessage";
import { FindingsList } from "../publish/FindingsList";
import { latestOnly } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";
import { MessageTemplateSender } from "./MessageTemplateSender";
import { MediaPicker } from "../publish/MediaPicker";
import type { ConversationDetail } from "../../api/inbox";
import { type Insertion, Suggestions } from "./Suggestions";
import { keepDraft, keptDraft } from "./replyDrafts";

interface Props {
  orgId: string;
  conversationId: string;
  channelName: string;
  /** The network's 24-hour answer window (WhatsApp, Messenger and Instagram direct messages); null: none. */
  answerWindow: { closesAt: string; open: boolean } | null;
  /** What files an answer may carry here; null: text only. */
  replyMedia: ConversationDetail["conversation"]["replyMedia"];
  templates: ReplyTemplate[];
  textRef: RefObject<HTMLTextAreaElement | null>;
  onSent(status: string): void;
  onReplying(): void;
}

export function ReplyComposer(props: Props) {
  const { orgId, conversationId, channelName, answerWindow, replyMedia, templates, textRef, onSent, onReplying } =
    props;
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const windowClosed = answerWindow !== null && (!answerWindow.open || Date.parse(answerWindow.closesAt) <= Date.now());
  const [text, setText] = useState(() => keptDraft(orgId, conversationId));
  useEffect(() => keepDraft(orgId, conversationId, text), [orgId, conversationId, text]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [mediaIds, setMediaIds] = useState<string[]>([]);
  const [articleIds, setArticleIds] = useState<string[]>([]);
  const [inserted, setInserted] = useState("");
  // Open until the person closes it (unticking the last file keeps the focus where it is); the library loads on opening.
  const [mediaOpen, setMediaOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const findings =
    error instanceof ApiError && Array.isArray(error.details?.findings) ? (error.details.findings as Finding[]) : [];

  // Picking another template while one is being filled in: only the last pick fills the text.
  const [fills] = useState(latestOnly);
  async function applyTemplate(id: string) {
    if (!id) return;
    setError(null);
    const apply = (filled: { text: string; templateId: string }) => {
      setText(filled.text);
      setTemplateId(filled.templateId);
      textRef.current?.focus();
    };
    await fills.run((signal) => inboxApi.fillTemplate(orgId, conversationId, id, { signal }), apply, setError);
  }

  // At the cursor (or in place of the selected words); after what is there, separated by a blank line.
  function insert(insertion: Insertion, title: string) {
    const field = textRef.current;
    const start = Math.min(field?.selectionStart ?? text.length, text.length);
    const end = Math.min(Math.max(field?.selectionEnd ?? start, start), text.length);
    const before = text.slice(0, start);
    const separator = before === "" || /\n\s*$/.test(before) ? "" : "\n\n";
    const next = `${before}${separator}${insertion.text}${text.slice(end)}`;
    const cursor = before.length + separator.length + insertion.text.length;
    setText(next);
    const { articleId } = insertion;
    if (articleId) setArticleIds((ids) => (ids.includes(articleId) ? ids : [...ids, articleId].slice(0, 10)));
    setInserted(t("knowledge.suggestions.inserted", { title }));
    window.requestAnimationFrame(() => {
      textRef.current?.focus();
      textRef.current?.setSelectionRange(cursor, cursor);
    });
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await inboxApi.reply(orgId, conversationId, { text, templateId, mediaIds, articleIds });
      // Also when the person has moved to another conversation meanwhile: what was sent is no draft any more.
      keepDraft(orgId, conversationId, "");
      setText("");
      setTemplateId(null);
      setMediaIds([]);
      setArticleIds([]);
      setInserted("");
      onSent(result.status);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form className="reply-composer" onSubmit={send} aria-labelledby="reply-heading">
        <h3 id="reply-heading">{t("inbox.reply.title", { channel: channelName })}</h3>
        {windowClosed ? null : <Suggestions orgId={orgId} conversationId={conversationId} onInsert={insert} />}
        {templates.length > 0 ? (
          <label className="field">
            <span>{t("inbox.reply.template")}</span>
            <select value="" onChange={(e) => void applyTemplate(e.target.value)}>
              <option value="">{t("inbox.reply.chooseTemplate")}</option>
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="field">
          <span>{t("inbox.reply.text")}</span>
          <textarea
            ref={textRef}
            rows={5}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onFocus={onReplying}
            required
            maxLength={5000}
          />
          <span className="hint">{t("inbox.reply.hint")}</span>
        </label>
        <p className="hint" role="status">
          {inserted}
        </p>
        {replyMedia && !windowClosed ? (
          <details className="reply-media" open={mediaOpen} onToggle={(e) => setMediaOpen(e.currentTarget.open)}>
            <summary>
              {t("inbox.reply.attach")}
              {mediaIds.length > 0 ? ` (${t("inbox.reply.attached", { count: mediaIds.length })})` : ""}
            </summary>
            <p className="hint">
              {t("inbox.reply.attachLimits", { count: replyMedia.maxMedia })}
              {replyMedia.maxLengthWithMedia !== null
                ? ` ${t("inbox.reply.attachCaption", { limit: replyMedia.maxLengthWithMedia.toLocaleString(i18n.language) })}`
                : ""}
            </p>
            {mediaOpen ? <MediaPicker selected={mediaIds} onChange={setMediaIds} /> : null}
          </details>
        ) : null}
        {answerWindow &&
          (windowClosed ? (
            <p className="reply-window closed" role="status">
              {t("inbox.reply.windowClosed", { time: dates.format(answerWindow.closesAt) })}
            </p>
          ) : (
            <p className="hint reply-window">
              {t("inbox.reply.windowOpen", { time: dates.format(answerWindow.closesAt) })}
            </p>
          ))}
        <ErrorMessage error={error} />
        {findings.length > 0 ? <FindingsList findings={findings} channelName={() => channelName} /> : null}
        <button type="submit" disabled={busy || text.trim() === "" || windowClosed}>
          {t("inbox.reply.send")}
        </button>
      </form>
      {windowClosed ? <MessageTemplateSender orgId={orgId} conversationId={conversationId} onSent={onSent} /> : null}
    </>
  );
}
