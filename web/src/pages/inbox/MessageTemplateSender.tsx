// Answering outside the network's free answer window (WhatsApp, after 24 hours): the network's approved message
// templates, one text field per placeholder, a preview of what the citizen will read, and sending it. Shown only
// when the window is closed and the network offers templates (the server lists them from the account).
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type MessageTemplate, inboxApi } from "../../api/inbox";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage } from "../../components/ErrorMessage";

interface Props {
  orgId: string;
  conversationId: string;
  onSent(status: string): void;
}

/** The body with {{1}} … filled by the texts given so far (empty ones stay as placeholders). */
function filled(body: string, parameters: readonly string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => parameters[Number(n) - 1]?.trim() || whole);
}

export function MessageTemplateSender({ orgId, conversationId, onSent }: Props) {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<MessageTemplate[]>([]);
  const [chosen, setChosen] = useState<MessageTemplate | null>(null);
  const [parameters, setParameters] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useLoad(
    (signal) => inboxApi.messageTemplates(orgId, conversationId, { signal }),
    (answer) => setTemplates(answer.templates),
    [orgId, conversationId],
    { onError: setError },
  );
  if (templates.length === 0) return error ? <ErrorMessage error={error} /> : null;

  const keyOf = (tpl: MessageTemplate) => `${tpl.name}|${tpl.language}`;
  function choose(key: string) {
    const tpl = templates.find((candidate) => keyOf(candidate) === key) ?? null;
    setChosen(tpl);
    setParameters(Array.from({ length: tpl?.parameters ?? 0 }, () => ""));
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const result = await inboxApi.reply(orgId, conversationId, {
        text: filled(chosen.body, parameters),
        templateId: null,
        template: { name: chosen.name, language: chosen.language, parameters: parameters.map((p) => p.trim()) },
      });
      setChosen(null);
      setParameters([]);
      onSent(result.status);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const complete = chosen !== null && parameters.every((p) => p.trim() !== "");
  return (
    <form className="reply-composer message-template" onSubmit={send} aria-labelledby="message-template-heading">
      <h3 id="message-template-heading">{t("inbox.messageTemplate.title")}</h3>
      <p className="hint">{t("inbox.messageTemplate.hint")}</p>
      <label className="field">
        <span>{t("inbox.messageTemplate.choose")}</span>
        <select value={chosen ? keyOf(chosen) : ""} onChange={(e) => choose(e.target.value)} required>
          <option value="">{t("inbox.messageTemplate.none")}</option>
          {templates.map((tpl) => (
            <option key={keyOf(tpl)} value={keyOf(tpl)}>
              {`${tpl.name} (${tpl.language})`}
            </option>
          ))}
        </select>
      </label>
      {parameters.map((value, index) => (
        <label className="field" key={index}>
          <span>{t("inbox.messageTemplate.placeholder", { number: index + 1 })}</span>
          <input
            value={value}
            required
            maxLength={1024}
            onChange={(e) => setParameters(parameters.map((p, i) => (i === index ? e.target.value : p)))}
          />
        </label>
      ))}
      {chosen ? (
        <section aria-labelledby="message-template-preview">
          <h4 id="message-template-preview">{t("inbox.messageTemplate.preview")}</h4>
          <p className="message-template-preview">{filled(chosen.body, parameters)}</p>
        </section>
      ) : null}
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy || !complete}>
        {t("inbox.messageTemplate.send")}
      </button>
    </form>
  );
}
