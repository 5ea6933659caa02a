// Veröffentlichen: posts awaiting the person's approval first, then all posts with their state.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type GuidelineList, type PostSummary, publishingApi } from "../../api/publishing";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { NotAllowedPage } from "../NotAllowedPage";
import { useLoad } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";
import { excerpt } from "../../../../src/text/excerpt";
import { Loading } from "../../components/LoadState";

export function PostsPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const org = useOrg();
  const [posts, setPosts] = useState<PostSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [guidelines, setGuidelines] = useState<GuidelineList | null>(null);
  useLoad(
    (signal) => publishingApi.posts(org.id, undefined, { signal }),
    (r) => setPosts(r.posts),
    [org.id],
    {
      onError: setError,
    },
  );
  useLoad((signal) => publishingApi.guidelines(org.id, { signal }), setGuidelines, [org.id], {
    onError: () => setGuidelines(null),
  });
  if (!org.myActions.includes("post.draft")) return <NotAllowedPage />;
  const canApprove = org.myActions.includes("post.approve");
  const inReview = posts?.filter((p) => p.status === "in_review") ?? [];

  const table = (rows: PostSummary[], caption: string) => (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("posts.post")}</th>
          <th scope="col">{t("posts.status")}</th>
          <th scope="col">{t("posts.channels")}</th>
          <th scope="col">{t("posts.when")}</th>
          <th scope="col">{t("posts.author")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <Link to={`/o/${org.id}/publish/${p.id}`}>
                {p.title || excerpt(p.excerpt, 60) || t("review.untitled")}
              </Link>
            </th>
            <td>
              {t(`status.${p.status}`)}
              {p.retractedAt ? ` · ${t("review.retracted")}` : ""}
            </td>
            <td>{p.channels.map((c) => c.name).join(", ")}</td>
            <td>{dates.format(p.publishedAt ?? p.scheduledAt)}</td>
            <td>{p.authorName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("nav.publish")} id="page-heading" />
      <p>
        <Link className="button-link" to={`/o/${org.id}/publish/new`}>
          {t("posts.new")}
        </Link>{" "}
        <Link to={`/o/${org.id}/publish/campaigns`}>{t("posts.campaigns")}</Link>{" "}
        <Link to={`/o/${org.id}/publish/media`}>{t("posts.media")}</Link>
      </p>
      <ErrorMessage error={error} />
      {guidelines?.activeId && !guidelines.acknowledged && (
        <p className="message message-error" role="note">
          {t("posts.acknowledgeFirst")} <Link to={`/o/${org.id}/guidelines`}>{t("composer.readGuideline")}</Link>
        </p>
      )}
      {guidelines?.review && guidelines.review.state !== "current" && org.myActions.includes("guideline.manage") && (
        <p className="message message-error" role="note">
          {t(`guidelines.review.${guidelines.review.state}`, { date: guidelines.review.reviewBy })}:{" "}
          {t("posts.reviewGuideline")}
        </p>
      )}
      {!posts && !error && <Loading />}
      {canApprove && inReview.length > 0 && table(inReview, t("posts.awaitingApproval"))}
      {posts && (posts.length ? table(posts, t("posts.all")) : <p>{t("posts.none")}</p>)}
    </section>
  );
}
