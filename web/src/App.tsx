// Routes of the admin app; guards send signed-out people to the login and a due password change first.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Link, Navigate, Outlet, Route, Routes } from "react-router";
import { ErrorMessage, errorFromAddress } from "./components/ErrorMessage";
import { AREAS, type AreaId } from "./components/areas";
import { OrgLayout } from "./components/OrgLayout";
import { AccountPage } from "./pages/AccountPage";
import { AreaPage } from "./pages/AreaPage";
import { ChangePasswordPage } from "./pages/ChangePasswordPage";
import { InvitationPage } from "./pages/InvitationPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotAllowedPage";
import { AdminLayout } from "./pages/admin/AdminLayout";
import { AuditPage } from "./pages/admin/AuditPage";
import { DepartmentsPage } from "./pages/admin/DepartmentsPage";
import { ChannelsPage } from "./pages/admin/ChannelsPage";
import { MembersPage } from "./pages/admin/MembersPage";
import { SessionProvider, useSession } from "./session";
import { GuidelinesPage } from "./pages/guidelines/GuidelinesPage";
import { InboxPage } from "./pages/inbox/InboxPage";
import { OverviewPage } from "./pages/overview/OverviewPage";
import { WebsiteCommentsPage } from "./pages/moderation/WebsiteCommentsPage";
import { ModerationCasePage } from "./pages/moderation/ModerationCasePage";
import { ModerationQueuePage } from "./pages/moderation/ModerationQueuePage";
import { WorkloadPage } from "./pages/inbox/WorkloadPage";
import { TemplatesPage } from "./pages/knowledge/TemplatesPage";
import { KnowledgeLayout } from "./pages/knowledge/KnowledgeLayout";
import { ArticlesPage } from "./pages/knowledge/ArticlesPage";
import { ArticlePage } from "./pages/knowledge/ArticlePage";
import { ArticleEditor } from "./pages/knowledge/ArticleEditor";
import { CleanupPage } from "./pages/knowledge/CleanupPage";
import { SharedPage } from "./pages/knowledge/SharedPage";
import { CollectionPage } from "./pages/knowledge/CollectionPage";
import { SharedItemPage } from "./pages/knowledge/SharedItemPage";
import { FeedPage } from "./pages/knowledge/FeedPage";
import { FeedItemPage } from "./pages/knowledge/FeedItemPage";
import { SearchPage } from "./pages/search/SearchPage";
import { InboxRulesPage } from "./pages/admin/inbox/InboxRulesPage";
import { CoveragePage } from "./pages/admin/inbox/CoveragePage";
import { WebsiteSettingsPage } from "./pages/admin/WebsiteSettingsPage";
import { ModerationSettingsPage } from "./pages/admin/ModerationSettingsPage";
import { OfficeHoursPage } from "./pages/admin/OfficeHoursPage";
import { CalendarPage } from "./pages/calendar/CalendarPage";
import { CampaignBoardPage } from "./pages/publish/CampaignBoardPage";
import { CampaignsPage } from "./pages/publish/CampaignsPage";
import { ComposerPage } from "./pages/publish/ComposerPage";
import { MediaLibraryPage } from "./pages/publish/MediaLibraryPage";
import { PostsPage } from "./pages/publish/PostsPage";
import { MoodReportPage } from "./pages/reports/MoodReportPage";
import { ModerationReportPage } from "./pages/reports/ModerationReportPage";
import { ReportsLayout } from "./pages/reports/ReportsLayout";
import { ResponseReportPage } from "./pages/reports/ResponseReportPage";
import { PublishingReportPage } from "./pages/reports/PublishingReportPage";
import { TopicsReportPage } from "./pages/reports/TopicsReportPage";
import { WeeklyReportPage } from "./pages/reports/WeeklyReportPage";

function RequireSession({ allowPasswordChange = false }: { allowPasswordChange?: boolean }) {
  const { session, loading } = useSession();
  const { t } = useTranslation();
  if (loading) return <p role="status">{t("app.loading")}</p>;
  if (!session) return <Navigate to="/login" replace />;
  if (session.user.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  return <Outlet />;
}

/** Opens the organisation the server names as the person's start (the one they used last, else the biggest). */
function Home() {
  const { session } = useSession();
  const { t } = useTranslation();
  const first = session?.organisations.find((o) => o.id === session.homeOrganisationId) ?? session?.organisations[0];
  // Back from a network's sign-in that draht could not match to a connection (expired, used twice): say so.
  const [returnedError] = useState(() => errorFromAddress(window.location.search));
  if (first && returnedError)
    return (
      <main id="main" className="narrow">
        <h1>{t("connections.failedTitle")}</h1>
        <ErrorMessage error={returnedError} />
        <p>
          <Link to={`/o/${first.id}`}>{t("common.continue")}</Link>
        </p>
      </main>
    );
  if (first) return <Navigate to={`/o/${first.id}`} replace />;
  return (
    <main id="main" className="narrow">
      <h1>{t("app.name")}</h1>
      <p>{t("common.noOrganisation")}</p>
    </main>
  );
}

const BUILT_AREAS = new Set<AreaId>([
  "admin",
  "publish",
  "guidelines",
  "calendar",
  "inbox",
  "moderation",
  "knowledge",
  "reports",
]);
const AREA_PAGES = AREAS.map((area) => area.id).filter((id): id is Exclude<AreaId, "admin"> => !BUILT_AREAS.has(id));

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/invitation" element={<InvitationPage />} />
          <Route element={<RequireSession allowPasswordChange />}>
            <Route path="/change-password" element={<ChangePasswordPage />} />
          </Route>
          <Route element={<RequireSession />}>
            <Route path="/" element={<Home />} />
            <Route path="/o/:orgId" element={<OrgLayout />}>
              <Route index element={<OverviewPage />} />
              {AREA_PAGES.map((area) => (
                <Route key={area} path={area} element={<AreaPage area={area} />} />
              ))}
              <Route path="inbox" element={<InboxPage />} />
              <Route path="inbox/workload" element={<WorkloadPage />} />
              <Route path="moderation" element={<ModerationQueuePage />} />
              <Route path="moderation/comments" element={<WebsiteCommentsPage />} />
              <Route path="moderation/cases/:caseId" element={<ModerationCasePage />} />
              <Route path="knowledge" element={<KnowledgeLayout />}>
                <Route index element={<ArticlesPage />} />
                <Route path="new" element={<ArticleEditor />} />
                <Route path="articles/:articleId" element={<ArticlePage />} />
                <Route path="articles/:articleId/edit" element={<ArticleEditor />} />
                <Route path="cleanup" element={<CleanupPage />} />
                <Route path="templates" element={<TemplatesPage />} />
                <Route path="shared" element={<SharedPage />} />
                <Route path="shared/:collectionId" element={<CollectionPage />} />
                <Route path="shared/items/:itemId" element={<SharedItemPage />} />
                <Route path="shared/feeds/:feedId" element={<FeedPage />} />
                <Route path="shared/feed-items/:itemId" element={<FeedItemPage />} />
              </Route>
              <Route path="publish" element={<PostsPage />} />
              <Route path="publish/new" element={<ComposerPage />} />
              <Route path="publish/campaigns" element={<CampaignsPage />} />
              <Route path="publish/media" element={<MediaLibraryPage />} />
              <Route path="publish/campaigns/:campaignId" element={<CampaignBoardPage />} />
              <Route path="publish/:postId" element={<ComposerPage />} />
              <Route path="guidelines" element={<GuidelinesPage />} />
              <Route path="calendar" element={<CalendarPage />} />
              <Route path="reports" element={<ReportsLayout />}>
                <Route index element={<Navigate to="mood" replace />} />
                <Route path="mood" element={<MoodReportPage />} />
                <Route path="topics" element={<TopicsReportPage />} />
                <Route path="response-times" element={<ResponseReportPage />} />
                <Route path="moderation" element={<ModerationReportPage />} />
                <Route path="publishing" element={<PublishingReportPage />} />
                <Route path="weekly" element={<WeeklyReportPage />} />
              </Route>
              <Route path="admin" element={<AdminLayout />}>
                <Route index element={<Navigate to="members" replace />} />
                <Route path="members" element={<MembersPage />} />
                <Route path="departments" element={<DepartmentsPage />} />
                <Route path="channels" element={<ChannelsPage />} />
                <Route path="website" element={<WebsiteSettingsPage />} />
                <Route path="moderation" element={<ModerationSettingsPage />} />
                <Route path="office-hours" element={<OfficeHoursPage />} />
                <Route path="inbox-rules" element={<InboxRulesPage />} />
                <Route path="coverage" element={<CoveragePage />} />
                <Route path="audit" element={<AuditPage />} />
              </Route>
              <Route path="search" element={<SearchPage />} />
              <Route path="account" element={<AccountPage />} />
            </Route>
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
