// An internal note (never sent to the citizen) with @mentions: colleagues picked from the list are
// notified, also in other departments.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Colleague, inboxApi } from "../../api/inbox";
import { ErrorMessage } from "../../components/ErrorMessage";

export function NoteComposer({
  orgId,
  conversationId,
  colleagues,
  onAdded,
}: {
  orgId: string;
  conversationId: string;
  colleagues: Colleague[];
  onAdded(): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [mentioned, setMentioned] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await inboxApi.note(orgId, conversationId, { text, mentionedUserIds: mentioned });
      setText("");
      setMentioned([]);
      onAdded();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <form className="note-composer" onSubmit={add} aria-labelledby="note-heading">
      <h3 id="note-heading">{t("inbox.note.title")}</h3>
      <label className="field">
        <span>{t("inbox.note.text")}</span>
        <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} required maxLength={5000} />
      </label>
      <label className="field">
        <span>{t("inbox.note.mention")}</span>
        <select
          multiple
          size={Math.min(4, Math.max(2, colleagues.length))}
          value={mentioned}
          onChange={(e) => setMentioned([...e.target.selectedOptions].map((o) => o.value))}
        >
          {colleagues.map((p) => (
            <option key={p.userId} value={p.userId}>
              @{p.name}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage error={error} />
      <button type="submit" disabled={text.trim() === ""}>
        {t("inbox.note.add")}
      </button>
    </form>
  );
}
