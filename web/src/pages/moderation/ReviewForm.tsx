// A decided case: a second moderator confirms or overturns the decision (overturning reopens it), and an
// objection that reached the administration by mail or phone is recorded here (it reopens the case).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseDetail, moderationApi } from "../../api/moderation";

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
  const [note, setNote] = useState("");
  const [appeal, setAppeal] = useState("");
  return (
    <>
      <form onSubmit={(e) => e.preventDefault()} aria-labelledby="review-heading">
        <h2 id="review-heading">{t("moderation.reviewTitle")}</h2>
        <p>{detail.review ? t(`moderation.verdict.${detail.review}`) : t("moderation.notReviewed")}</p>
        <label htmlFor="review-note">{t("moderation.reviewNote")}</label>
        <textarea
          id="review-note"
          minLength={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button
          type="button"
          onClick={() =>
            void run(
              async () => (
                await moderationApi.review(orgId, detail.id, { verdict: "confirmed", note }),
                t("moderation.reviewSaved")
              ),
            )
          }
        >
          {t("moderation.confirm")}
        </button>{" "}
        <button
          type="button"
          onClick={() =>
            void run(
              async () => (
                await moderationApi.review(orgId, detail.id, { verdict: "overturned", note }),
                t("moderation.reviewSaved")
              ),
            )
          }
        >
          {t("moderation.overturn")}
        </button>
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
