// The live board of a campaign: counts and latest posts per state, refreshed every few seconds, the
// templates to start from, and who is writing.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type CampaignBoard, publishingApi } from "../../api/publishing";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useLoad } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";
import { excerpt } from "../../../../src/text/excerpt";
import { LoadFailed, Loading } from "../../components/LoadState";

const REFRESH_MS = 5000;

export function CampaignBoardPage() {
  const { campaignId = "" } = useParams();
  const { t } = useTranslation();
  const dates = useDates();
  const org = useOrg();
  const [board, setBoard] = useState<CampaignBoard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useLoad(
    (signal) => publishingApi.campaignBoard(org.id, campaignId, { signal }),
    (answer) => {
      setBoard(answer);
      setError(null);
    },
    [org.id, campaignId],
    { onError: setError },
  );
  useEffect(() => {
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (!board) return error ? <LoadFailed error={error} retry={() => void load()} /> : <Loading />;
  const { campaign } = board;

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={`${campaign.name} ${campaign.hashtag}`} id="page-heading" />
      <ErrorMessage error={error} />
      <p>
        {dates.format(campaign.startsAt)} – {dates.format(campaign.endsAt)}
      </p>
      <p role="status" aria-live="polite">
        {t("campaigns.summary", { total: board.total, fastLane: board.fastLane, lastHour: board.publishedLastHour })}
      </p>
      <div className="board">
        {board.columns.map((column) => (
          <section key={column.status} className="board-column" aria-labelledby={`col-${column.status}`}>
            <h2 id={`col-${column.status}`}>
              {t(`status.${column.status}`)} <span className="count-badge">{column.count}</span>
            </h2>
            <ul>
              {column.latest.map((p) => (
                <li key={p.id}>
                  <Link to={`/o/${org.id}/publish/${p.id}`}>
                    {p.title || excerpt(p.excerpt, 60) || t("review.untitled")}
                  </Link>
                  <span className="muted"> · {p.authorName}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {campaign.templates.length > 0 && (
        <>
          <h2>{t("campaigns.templates")}</h2>
          <ul>
            {campaign.templates.map((tpl) => (
              <li key={tpl.id}>
                <strong>{tpl.title}</strong>: <span className="preview-text">{tpl.text}</span>{" "}
                <Link to={`/o/${org.id}/publish/new?campaign=${campaign.id}&template=${tpl.id}`}>
                  {t("campaigns.useTemplate")}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={`/o/${org.id}/publish/new?campaign=${campaign.id}`}>{t("campaigns.freePost")}</Link>
      </p>
      {board.authors.length > 0 && (
        <>
          <h2>{t("campaigns.authors")}</h2>
          <ul>
            {board.authors.map((a) => (
              <li key={a.name}>
                {a.name}: {a.count}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
