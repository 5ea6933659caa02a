import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../components/usePageTitle";

export function NotAllowedPage() {
  const { t } = useTranslation();
  const heading = usePageTitle(t("common.notAllowedTitle"));
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>
        {t("common.notAllowedTitle")}
      </h1>
      <p>{t("errors.NOT_ALLOWED")}</p>
    </section>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  const heading = usePageTitle(t("common.notFoundTitle"));
  return (
    <main id="main" className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t("common.notFoundTitle")}
      </h1>
      <Link to="/">{t("common.backHome")}</Link>
    </main>
  );
}
