// Moderation of the website channel: what citizens wrote, newest first, filtered by state; release held
// comments, hide one citing a Netiquette clause, or answer as the administration. Citizen text is
// rendered as text only (React escapes it).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type NetiquetteClause, type WebsiteComment, websiteApi } from "../../api/website";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { NotAllowedPage } from "../NotAllowedPage";
import { CommentCard } from "./CommentCard";
import { ModerationTabs } from "./ModerationTabs";
import { useLoad } from "../../api/useLoad";

const FILTERS = ["", "held", "visible", "hidden", "deleted"] as const;

export function WebsiteCommentsPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const [status, setStatus] = useState<(typeof FILTERS)[number]>("");
  const [comments, setComments] = useState<WebsiteComment[]>([]);
  const [next, setNext] = useState<string | null>(null);
  // Where the list continues ("more"); null: from the start. A load for another filter supersedes it.
  const [after, setAfter] = useState<string | null>(null);
  const [clauses, setClauses] = useState<NetiquetteClause[]>([]);
  const load = useLoad(
    (signal) => websiteApi.comments(org.id, { status, before: after }, { signal }),
    (r) => {
      setComments((shown) => (after ? [...shown, ...r.comments] : r.comments));
      setNext(r.next);
    },
    [org.id, status, after],
    { onError: (error) => action.setError(error) },
  );
  // After a decision the list starts again from the top (going back to it loads; otherwise load again).
  const reloadFromTop = () => {
    if (after === null) return load();
    setAfter(null);
    return Promise.resolve();
  };
  const action = useAction(reloadFromTop);
  useLoad(
    (signal) => websiteApi.netiquette(org.id, { signal }),
    (n) => setClauses(n.clauses),
    [org.id],
    {
      onError: () => setClauses([]),
    },
  );
  if (!org.myActions.includes("moderation.view")) return <NotAllowedPage />;

  function more() {
    if (next) setAfter(next);
  }

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("comments.title")} id="page-heading" />
      <ModerationTabs orgId={org.id} />
      <p>{t("comments.intro")}</p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      <label htmlFor="inbox-filter">{t("comments.filter")}</label>
      <select
        id="inbox-filter"
        value={status}
        onChange={(e) => {
          setAfter(null);
          setStatus(e.target.value as (typeof FILTERS)[number]);
        }}
      >
        {FILTERS.map((f) => (
          <option key={f} value={f}>
            {t(`comments.status.${f || "all"}`)}
          </option>
        ))}
      </select>
      {comments.length === 0 ? (
        <p>{t("comments.none")}</p>
      ) : (
        <ol className="plain-list" aria-label={t("comments.listLabel")}>
          {comments.map((c) => (
            <li key={c.id}>
              <CommentCard
                comment={c}
                clauses={clauses}
                orgSlug={org.slug}
                canReply={org.myActions.includes("inbox.reply")}
                canModerate={org.myActions.includes("moderation.decide")}
                run={action.run}
              />
            </li>
          ))}
        </ol>
      )}
      {next ? (
        <button type="button" onClick={more}>
          {t("comments.more")}
        </button>
      ) : null}
    </section>
  );
}
