// An area whose capability is still to come: it says so plainly instead of pretending.
import { useTranslation } from "react-i18next";
import { AREAS, type AreaId } from "../components/areas";
import { useOrg } from "../components/OrgLayout";
import { PageHeading } from "../components/PageHeading";
import { NotAllowedPage } from "./NotAllowedPage";

export function AreaPage({ area }: { area: Exclude<AreaId, "admin"> }) {
  const { t } = useTranslation();
  const org = useOrg();
  const action = AREAS.find((a) => a.id === area)?.action;
  if (!action || !org.myActions.includes(action)) return <NotAllowedPage />;
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t(`nav.${area}`)} id="page-heading" />
      <p>{t(`area.${area}`)}</p>
      <p className="muted">{t("area.comingSoon")}</p>
    </section>
  );
}
