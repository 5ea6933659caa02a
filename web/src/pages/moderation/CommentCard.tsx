// One citizen comment in the moderation list with its post, state and moderation trail, and the actions the
// person may take: answer, release, hide with a Netiquette clause.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type NetiquetteClause, type WebsiteComment, websiteApi } from "../../api/website";
import { useOrg } from "../../components/OrgLayout";
import { useDates } from "../../components/formatDates";
import { useWords } from "../../components/useWords";

interface Props {
  comment: WebsiteComment;
  clauses: NetiquetteClause[];
  orgSlug: string;
  canReply: boolean;
  canModerate: boolean;
  run(action: () => Promise<string | null>): Promise<boolean>;
}

export function CommentCard({ comment: c, clauses, orgSlug, canReply, canModerate, run }: Props) {
  const { t } = useTranslation();
  const dates = useDates();
  const words = useWords();
  const org = useOrg();
  const [mode, setMode] = useState<"none" | "answer" | "hide">("none");
  const headingId = `comment-${c.id}`;
  // What the machine decided, shown only while that decision stands (held or hidden, no moderator since).
  const machine = c.moderation.findLast((step) => step.phase === "decision");
  const decidedByPerson = c.moderation.some((step) => step.phase === "moderator");
  const heldByMachine =
    machine && !decidedByPerson && (c.status === "held" || c.status === "hidden") && machine.outcome === c.status;

  async function answer(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("text"));
    if (await run(async () => (await websiteApi.answer(org.id, c.id, text), t("comments.answered")))) setMode("none");
  }
  async function hide(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const decision = {
      decision: "hide" as const,
      clause: Number(data.get("clause")),
      reason: String(data.get("reason")),
    };
    if (await run(async () => (await websiteApi.decide(org.id, c.id, decision), t("comments.hidden")))) setMode("none");
  }

  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {t("comments.from", { name: c.displayName || t("comments.deletedAuthor") })}
      </h2>
      <p className="muted">
        {dates.format(c.createdAt)} · {c.channelName} ·{" "}
        <span className={`badge status-${c.status}`}>{t(`comments.status.${c.status}`)}</span>
        {c.answered ? ` · ${t("comments.hasAnswer")}` : ""}
      </p>
      <p className="muted">
        {t("comments.onPost")}{" "}
        <a href={`/p/${encodeURIComponent(orgSlug)}/beitrag/${c.entryId}#kommentar-${c.id}`}>{c.entryExcerpt}</a>
        {c.parentAuthor ? ` · ${t("comments.replyTo", { name: c.parentAuthor })}` : ""}
      </p>
      <p className="citizen-text">{c.text}</p>
      {heldByMachine ? (
        <p className="muted">
          {t(c.status === "hidden" ? "comments.hiddenBecause" : "comments.heldBecause", {
            reason: machine.reason ? words.reason(machine.reason) : t("comments.noReason"),
          })}
        </p>
      ) : null}
      <div className="actions">
        {canReply && c.status !== "deleted" && c.status !== "hidden" ? (
          <button
            type="button"
            onClick={() => setMode(mode === "answer" ? "none" : "answer")}
            aria-expanded={mode === "answer"}
          >
            {t("comments.answer")}
          </button>
        ) : null}
        {canModerate && c.status === "held" ? (
          <button
            type="button"
            onClick={() =>
              void run(
                async () => (await websiteApi.decide(org.id, c.id, { decision: "release" }), t("comments.released")),
              )
            }
          >
            {t("comments.release")}
          </button>
        ) : null}
        {canModerate && (c.status === "held" || c.status === "visible") && clauses.length > 0 ? (
          <button
            type="button"
            onClick={() => setMode(mode === "hide" ? "none" : "hide")}
            aria-expanded={mode === "hide"}
          >
            {t("comments.hide")}
          </button>
        ) : null}
      </div>
      {mode === "answer" ? (
        <form onSubmit={answer}>
          <label htmlFor={`answer-${c.id}`}>{t("comments.answerLabel")}</label>
          <textarea id={`answer-${c.id}`} name="text" required maxLength={5000} rows={4} />
          <button type="submit">{t("comments.sendAnswer")}</button>
        </form>
      ) : null}
      {mode === "hide" ? (
        <form onSubmit={hide}>
          <label htmlFor={`clause-${c.id}`}>{t("comments.clause")}</label>
          <select id={`clause-${c.id}`} name="clause" required>
            {clauses.map((cl) => (
              <option key={cl.number} value={cl.number}>
                §{cl.number} {cl.title}
              </option>
            ))}
          </select>
          <label htmlFor={`reason-${c.id}`}>{t("comments.reasonLabel")}</label>
          <input id={`reason-${c.id}`} name="reason" required maxLength={1000} />
          <button type="submit">{t("comments.confirmHide")}</button>
        </form>
      ) : null}
    </article>
  );
}
