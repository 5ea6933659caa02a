import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeading } from "../components/PageHeading";

export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeading title={t("common.notAllowedTitle")} />
      <p>{t("errors.NOT_ALLOWED")}</p>
    </section>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="narrow">
      <PageHeading title={t("common.notFoundTitle")} />
      <Link to="/">{t("common.backHome")}</Link>
    </main>
  );
}
