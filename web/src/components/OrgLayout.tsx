// The frame of every organisation page: skip link, header with organisation switcher, language and
// account, the main navigation (the start page, then only the areas the person's roles open, with live counts of
// what needs them), and the page itself.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation, useNavigate, useParams } from "react-router";
import { api } from "../api/client";
import type { Organisation } from "../api/types";
import { LANGUAGES, changeLanguage } from "../i18n";
import { useSession } from "../session";
import { allowedAreas } from "./areas";
import { ErrorMessage } from "./ErrorMessage";
import { useLoad } from "../api/useLoad";
import { OrgContext, OrgReloadContext } from "./orgContext";
import { LiveChangesContext, useLiveChangeCounter } from "./liveChanges";
import { NavCount, navCountOf } from "./NavCount";
import { type OverviewCounts, overviewApi } from "../api/overview";
import { SearchDialog } from "./SearchDialog";
import { forgetDrafts } from "../pages/inbox/replyDrafts";
import { turnPushOff } from "../pages/account/pushSubscription";
import { Loading } from "./LoadState";

export { useOrg, useReloadOrganisation } from "./orgContext";

export function OrgLayout() {
  const { orgId = "" } = useParams();
  const { t, i18n } = useTranslation();
  const { session, clear } = useSession();
  const navigate = useNavigate();
  const [org, setOrg] = useState<Organisation | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setOrg(null);
    setError(null);
    // Kept with the membership on the server, so the start page returns here on any device.
    // eslint-disable-next-line no-restricted-syntax -- not a load: tells the server, reads no answer
    api.openOrganisation(orgId).catch(() => undefined);
  }, [orgId]);
  // Also what useReloadOrganisation() hands out: a reload after a settings change is the latest load too.
  const reloadOrg = useLoad((signal) => api.organisation(orgId, { signal }), setOrg, [orgId], { onError: setError });
  const { pathname } = useLocation();
  const live = useLiveChangeCounter(orgId, org?.myActions.includes("inbox.view") ?? false);
  const [counts, setCounts] = useState<OverviewCounts | null>(null);
  // Again after each live change and each move to another page (where the person may have just decided something).
  useLoad((signal) => overviewApi.counts(orgId, { signal }), setCounts, [orgId, live, pathname], {
    onError: () => setCounts(null),
  });

  async function signOut() {
    // This browser's push stops with the session (a shared PC shows the next person no notices of this one);
    // at most a few seconds, so a push service that does not answer never keeps anyone signed in.
    await Promise.race([turnPushOff().catch(() => undefined), new Promise((done) => setTimeout(done, 3000))]);
    await api.logout().catch(() => undefined);
    forgetDrafts();
    clear();
    navigate("/login");
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="topbar">
        <span className="brand">{t("app.name")}</span>
        <label className="inline-field">
          <span>{t("nav.organisation")}</span>
          <select value={orgId} onChange={(e) => navigate(`/o/${e.target.value}`)}>
            {session?.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t("nav.language")}</span>
          <select value={i18n.language} onChange={(e) => void changeLanguage(e.target.value)}>
            {LANGUAGES.map((lng) => (
              <option key={lng} value={lng} lang={lng}>
                {lng === "de" ? "Deutsch" : "English"}
              </option>
            ))}
          </select>
        </label>
        <SearchDialog orgId={orgId} />
        <NavLink to={`/o/${orgId}/account`}>{t("nav.account")}</NavLink>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          {t("nav.logout")}
        </button>
      </header>
      <div className="frame">
        <nav aria-label={t("nav.label")} className="sidenav">
          <ul>
            <li>
              <NavLink to={`/o/${orgId}`} end>
                {t("nav.overview")}
              </NavLink>
            </li>
            {allowedAreas(org?.myActions ?? []).map((area) => {
              const shown = navCountOf(area.id, counts, t);
              return (
                <li key={area.id}>
                  <NavLink to={`/o/${orgId}/${area.id}`} aria-label={shown?.label}>
                    {t(`nav.${area.id}`)}
                    <NavCount shown={shown} />
                  </NavLink>
                </li>
              );
            })}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <ErrorMessage error={error} />
          {org ? (
            <OrgContext.Provider value={org}>
              <OrgReloadContext.Provider value={reloadOrg}>
                <LiveChangesContext.Provider value={live}>
                  <Outlet />
                </LiveChangesContext.Provider>
              </OrgReloadContext.Provider>
            </OrgContext.Provider>
          ) : (
            !error && <Loading />
          )}
        </main>
      </div>
    </>
  );
}
