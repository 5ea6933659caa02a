// Moderation of the website channel: what citizens wrote, newest first, filtered by state; release held
// comments, hide one citing a Netiquette clause, or answer as the administration. Citizen text is
// rendered as text only (React escapes it).
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type NetiquetteClause, type WebsiteComment, websiteApi } from "../../api/website";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { NotAllowedPage } from "../NotAllowedPage";
import { CommentCard } from "./CommentCard";
import { ModerationTabs } from "./ModerationTabs";

const FILTERS = ["", "held", "visible", "hidden", "deleted"] as const;

export function WebsiteCommentsPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const [status, setStatus] = useState<(typeof FILTERS)[number]>("");
  const [comments, setComments] = useState<WebsiteComment[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [clauses, setClauses] = useState<NetiquetteClause[]>([]);
  const reload = useCallback(
    () =>
      websiteApi.comments(org.id, { status }).then((r) => {
        setComments(r.comments);
        setNext(r.next);
      }),
    [org.id, status],
  );
  const action = useAction(reload);
  const { setError } = action;
  useEffect(() => {
    reload().catch(setError);
  }, [reload, setError]);
  useEffect(() => {
    websiteApi.netiquette(org.id).then(
      (n) => setClauses(n.clauses),
      () => setClauses([]),
    );
  }, [org.id]);
  if (!org.myActions.includes("moderation.view")) return <NotAllowedPage />;

  async function more() {
    if (!next) return;
    const page = await websiteApi.comments(org.id, { status, before: next }).catch((e: unknown) => (setError(e), null));
    if (!page) return;
    setComments((c) => [...c, ...page.comments]);
    setNext(page.next);
  }

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("comments.title")} id="page-heading" />
      <ModerationTabs orgId={org.id} />
      <p>{t("comments.intro")}</p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      <label htmlFor="inbox-filter">{t("comments.filter")}</label>
      <select id="inbox-filter" value={status} onChange={(e) => setStatus(e.target.value as (typeof FILTERS)[number])}>
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
        <button type="button" onClick={() => void more()}>
          {t("comments.more")}
        </button>
      ) : null}
    </section>
  );
}
