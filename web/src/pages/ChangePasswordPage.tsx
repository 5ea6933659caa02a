// Shown after sign-in when an administrator set the password: nothing else opens until it is changed.
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PasswordForm } from "../components/PasswordForm";
import { usePageTitle } from "../components/usePageTitle";
import { useSession } from "../session";

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const heading = usePageTitle(t("password.changeTitle"));
  const { refresh } = useSession();
  const navigate = useNavigate();
  return (
    <main id="main" className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t("password.changeTitle")}
      </h1>
      <p>{t("password.changeIntro")}</p>
      <PasswordForm
        onChanged={() => {
          void refresh().then(() => navigate("/", { replace: true }));
        }}
      />
    </main>
  );
}
