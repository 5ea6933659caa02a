// A decided case: a second moderator confirms or overturns the decision (overturning reopens it), and an
// objection that reached the administration by mail or phone is recorded here (it reopens the case).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseDetail, moderationApi } from "../../api/moderation";
import { useSession } from "../../session";

export function ReviewForm({
  orgId,
  detail,
  run,
}: {
  orgId: string;
  detail: CaseDetail;
  run(action: () => Promise<string | null>): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [note, setNote] = useState("");
  const [noteMissing, setNoteMissing] = useState(false);
  const [appeal, setAppeal] = useState("");
  // The second review is someone else's: the person who decided is told so instead of offered buttons that refuse.
  const ownDecision = detail.decidedByUserId !== null && detail.decidedByUserId === session?.user.id;
  const review = (verdict: "confirmed" | "overturned") => {
    setNoteMissing(note.trim().length < 3);
    if (note.trim().length < 3) return;
    void run(
      async () => (await moderationApi.review(orgId, detail.id, { verdict, note }), t("moderation.reviewSaved")),
    );
  };
  return (
    <>
      <form onSubmit={(e) => e.preventDefault()} aria-labelledby="review-heading">
        <h2 id="review-heading">{t("moderation.reviewTitle")}</h2>
        <p>{detail.review ? t(`moderation.verdict.${detail.review}`) : t("moderation.notReviewed")}</p>
        {ownDecision ? (
          <p>{t("moderation.reviewBySomeoneElse")}</p>
        ) : (
          <>
            <label htmlFor="review-note">{t("moderation.reviewNote")}</label>
            <textarea
              id="review-note"
              required
              minLength={3}
              maxLength={2000}
              value={note}
              aria-invalid={noteMissing}
              aria-describedby={noteMissing ? "review-note-missing" : undefined}
              onChange={(e) => setNote(e.target.value)}
            />
            {noteMissing && (
              <p id="review-note-missing" className="message message-error" role="alert">
                {t("moderation.reviewNoteMissing")}
              </p>
            )}
            <button type="button" onClick={() => review("confirmed")}>
              {t("moderation.confirm")}
            </button>{" "}
            <button type="button" onClick={() => review("overturned")}>
              {t("moderation.overturn")}
            </button>
          </>
        )}
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => (await moderationApi.appeal(orgId, detail.id, appeal), t("moderation.appealRecorded")));
        }}
        aria-labelledby="appeal-heading"
      >
        <h2 id="appeal-heading">{t("moderation.appealTitle")}</h2>
        <label htmlFor="appeal-text">{t("moderation.appealText")}</label>
        <textarea
          id="appeal-text"
          required
          minLength={3}
          maxLength={5000}
          value={appeal}
          onChange={(e) => setAppeal(e.target.value)}
        />
        <button type="submit">{t("moderation.recordAppeal")}</button>
      </form>
    </>
  );
}
