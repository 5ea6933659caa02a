// Routes of the admin app; guards send signed-out people to the login and a due password change first.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Link, Navigate, Outlet, Route, Routes } from "react-router";
import { ErrorMessage, errorFromAddress } from "./components/ErrorMessage";
import { AREAS, type AreaId } from "./components/areas";
import { OrgLayout } from "./components/OrgLayout";
import { AreaPage } from "./pages/AreaPage";
import { ChangePasswordPage } from "./pages/ChangePasswordPage";
import { InvitationPage } from "./pages/InvitationPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotAllowedPage";
import { SessionProvider, useSession } from "./session";
import { page } from "./components/lazyPage";
import { Loading } from "./components/LoadState";

// Each page is its own chunk, loaded when first opened (the first page stays small).
const AccountPage = page(() => import("./pages/AccountPage"), "AccountPage");
const AdminLayout = page(() => import("./pages/admin/AdminLayout"), "AdminLayout");
const AuditPage = page(() => import("./pages/admin/AuditPage"), "AuditPage");
const DepartmentsPage = page(() => import("./pages/admin/DepartmentsPage"), "DepartmentsPage");
const ChannelsPage = page(() => import("./pages/admin/ChannelsPage"), "ChannelsPage");
const MembersPage = page(() => import("./pages/admin/MembersPage"), "MembersPage");
const GuidelinesPage = page(() => import("./pages/guidelines/GuidelinesPage"), "GuidelinesPage");
const InboxPage = page(() => import("./pages/inbox/InboxPage"), "InboxPage");
const OverviewPage = page(() => import("./pages/overview/OverviewPage"), "OverviewPage");
const WebsiteCommentsPage = page(() => import("./pages/moderation/WebsiteCommentsPage"), "WebsiteCommentsPage");
const ModerationCasePage = page(() => import("./pages/moderation/ModerationCasePage"), "ModerationCasePage");
const ModerationQueuePage = page(() => import("./pages/moderation/ModerationQueuePage"), "ModerationQueuePage");
const WorkloadPage = page(() => import("./pages/inbox/WorkloadPage"), "WorkloadPage");
const TemplatesPage = page(() => import("./pages/knowledge/TemplatesPage"), "TemplatesPage");
const KnowledgeLayout = page(() => import("./pages/knowledge/KnowledgeLayout"), "KnowledgeLayout");
const ArticlesPage = page(() => import("./pages/knowledge/ArticlesPage"), "ArticlesPage");
const ArticlePage = page(() => import("./pages/knowledge/ArticlePage"), "ArticlePage");
const ArticleEditor = page(() => import("./pages/knowledge/ArticleEditor"), "ArticleEditor");
const CleanupPage = page(() => import("./pages/knowledge/CleanupPage"), "CleanupPage");
const SharedPage = page(() => import("./pages/knowledge/SharedPage"), "SharedPage");
const CollectionPage = page(() => import("./pages/knowledge/CollectionPage"), "CollectionPage");
const SharedItemPage = page(() => import("./pages/knowledge/SharedItemPage"), "SharedItemPage");
const FeedPage = page(() => import("./pages/knowledge/FeedPage"), "FeedPage");
const FeedItemPage = page(() => import("./pages/knowledge/FeedItemPage"), "FeedItemPage");
const SearchPage = page(() => import("./pages/search/SearchPage"), "SearchPage");
const InboxRulesPage = page(() => import("./pages/admin/inbox/InboxRulesPage"), "InboxRulesPage");
const CoveragePage = page(() => import("./pages/admin/inbox/CoveragePage"), "CoveragePage");
const WebsiteSettingsPage = page(() => import("./pages/admin/WebsiteSettingsPage"), "WebsiteSettingsPage");
const ModerationSettingsPage = page(() => import("./pages/admin/ModerationSettingsPage"), "ModerationSettingsPage");
const OfficeHoursPage = page(() => import("./pages/admin/OfficeHoursPage"), "OfficeHoursPage");
const CalendarPage = page(() => import("./pages/calendar/CalendarPage"), "CalendarPage");
const CampaignBoardPage = page(() => import("./pages/publish/CampaignBoardPage"), "CampaignBoardPage");
const CampaignsPage = page(() => import("./pages/publish/CampaignsPage"), "CampaignsPage");
const ComposerPage = page(() => import("./pages/publish/ComposerPage"), "ComposerPage");
const MediaLibraryPage = page(() => import("./pages/publish/MediaLibraryPage"), "MediaLibraryPage");
const PostsPage = page(() => import("./pages/publish/PostsPage"), "PostsPage");
const MoodReportPage = page(() => import("./pages/reports/MoodReportPage"), "MoodReportPage");
const ModerationReportPage = page(() => import("./pages/reports/ModerationReportPage"), "ModerationReportPage");
const ReportsLayout = page(() => import("./pages/reports/ReportsLayout"), "ReportsLayout");
const ResponseReportPage = page(() => import("./pages/reports/ResponseReportPage"), "ResponseReportPage");
const PublishingReportPage = page(() => import("./pages/reports/PublishingReportPage"), "PublishingReportPage");
const TopicsReportPage = page(() => import("./pages/reports/TopicsReportPage"), "TopicsReportPage");
const WeeklyReportPage = page(() => import("./pages/reports/WeeklyReportPage"), "WeeklyReportPage");

function RequireSession({ allowPasswordChange = false }: { allowPasswordChange?: boolean }) {
  const { session, loading } = useSession();
  if (loading) return <Loading />;
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
