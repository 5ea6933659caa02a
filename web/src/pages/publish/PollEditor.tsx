// The composer's poll: a question, 2–10 options, the end time, and when the results are shown.
// Polls go out on the website channel (and networks that have polls); the check blocks the others.
import { useTranslation } from "react-i18next";
import type { PollInput } from "../../api/publishing";
import { useDates } from "../../components/formatDates";
import { DateTimeField } from "../../components/DateTimeFields";

const MAX_OPTIONS = 10;

export function PollEditor({ poll, onChange }: { poll: PollInput | null; onChange(poll: PollInput | null): void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const inAWeek = () => new Date(Math.ceil((Date.now() + 7 * 86_400_000) / 3_600_000) * 3_600_000).toISOString();
  const set = (change: Partial<PollInput>) => poll && onChange({ ...poll, ...change });
  return (
    <fieldset className="poll-editor">
      <legend>{t("composer.poll.legend")}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={poll !== null}
          onChange={(e) =>
            onChange(
              e.target.checked
                ? { question: "", options: ["", ""], endsAt: inAWeek(), resultsVisibility: "after_vote" }
                : null,
            )
          }
        />
        {t("composer.poll.attach")}
      </label>
      {poll ? (
        <>
          <div className="field">
            <label htmlFor="poll-question">{t("composer.poll.question")}</label>
            <input
              id="poll-question"
              value={poll.question}
              maxLength={300}
              onChange={(e) => set({ question: e.target.value })}
            />
          </div>
          <ol className="poll-options">
            {poll.options.map((option, i) => (
              <li key={i}>
                <label htmlFor={`poll-option-${i}`}>{t("composer.poll.option", { number: i + 1 })}</label>
                <input
                  id={`poll-option-${i}`}
                  value={option}
                  maxLength={120}
                  onChange={(e) => set({ options: poll.options.map((o, j) => (j === i ? e.target.value : o)) })}
                />
                {poll.options.length > 2 ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => set({ options: poll.options.filter((_, j) => j !== i) })}
                  >
                    {t("composer.poll.remove", { number: i + 1 })}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          {poll.options.length < MAX_OPTIONS ? (
            <button type="button" onClick={() => set({ options: [...poll.options, ""] })}>
              {t("composer.poll.add")}
            </button>
          ) : null}
          <DateTimeField
            id="poll-end"
            label={t("composer.poll.endsAt")}
            value={dates.toInput(poll.endsAt)}
            onChange={(value) => set({ endsAt: dates.fromInput(value) ?? poll.endsAt })}
          />
          <div className="field">
            <label htmlFor="poll-results">{t("composer.poll.results")}</label>
            <select
              id="poll-results"
              value={poll.resultsVisibility}
              onChange={(e) => set({ resultsVisibility: e.target.value as PollInput["resultsVisibility"] })}
            >
              <option value="after_vote">{t("composer.poll.afterVote")}</option>
              <option value="after_end">{t("composer.poll.afterEnd")}</option>
            </select>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
