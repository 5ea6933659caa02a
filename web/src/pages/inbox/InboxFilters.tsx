// The inbox's filters, kept in the address (so a view can be bookmarked and shared): status, channel,
// department, assignee, intent, waiting for an answer, overdue, due soon, sentiment, moderation flag and
// "asked again".
import { useTranslation } from "react-i18next";
import type { ConversationFilter } from "../../api/inbox";

export const FILTER_KEYS = [
  "status",
  "channelAccountId",
  "departmentId",
  "assignee",
  "intent",
  "waiting",
  "overdue",
  "dueSoon",
  "sentiment",
  "flagged",
  "askedAgain",
] as const;

interface Props {
  filter: ConversationFilter;
  /** One filter changed (the page merges it into the address as it is now). */
  onChange(change: Partial<ConversationFilter>): void;
  channels: { id: string; name: string }[];
  departments: { id: string; name: string }[];
  colleagues: { userId: string; name: string }[];
}

export function InboxFilters({ filter, onChange, channels, departments, colleagues }: Props) {
  const { t } = useTranslation();
  const select = (
    key: (typeof FILTER_KEYS)[number],
    options: { value: string; label: string }[],
    all = t("inbox.filters.any"),
  ) => (
    <label className="field compact">
      <span>{t(`inbox.filters.${key}`)}</span>
      <select value={filter[key] ?? ""} onChange={(e) => onChange({ [key]: e.target.value || undefined })}>
        {key !== "status" ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const yesNo = [
    { value: "true", label: t("inbox.filters.yes") },
    { value: "false", label: t("inbox.filters.no") },
  ];
  return (
    <fieldset className="inbox-filters">
      <legend>{t("inbox.filters.legend")}</legend>
      {select(
        "status",
        ["active", "new", "open", "waiting_for_citizen", "answered", "closed", "all"].map((s) => ({
          value: s,
          label: t(`inbox.status.${s}`),
        })),
      )}
      {select(
        "channelAccountId",
        channels.map((c) => ({ value: c.id, label: c.name })),
      )}
      {select("departmentId", [
        { value: "none", label: t("inbox.filters.noDepartment") },
        ...departments.map((d) => ({ value: d.id, label: d.name })),
      ])}
      {select("assignee", [
        { value: "me", label: t("inbox.filters.me") },
        { value: "none", label: t("inbox.filters.nobody") },
        ...colleagues.map((c) => ({ value: c.userId, label: c.name })),
      ])}
      {select(
        "intent",
        ["question", "complaint", "praise", "fact_claim", "other"].map((i) => ({
          value: i,
          label: t(`inbox.intent.${i}`),
        })),
      )}
      {select("waiting", yesNo)}
      {select("overdue", yesNo)}
      {select("dueSoon", yesNo)}
      {select(
        "sentiment",
        ["negative", "neutral", "positive"].map((s) => ({ value: s, label: t(`inbox.sentiment.${s}`) })),
      )}
      {select("flagged", yesNo)}
      {select("askedAgain", yesNo)}
    </fieldset>
  );
}
