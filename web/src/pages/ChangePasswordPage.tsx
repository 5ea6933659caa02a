// Shown after sign-in when an administrator set the password: nothing else opens until it is changed.
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PasswordForm } from "../components/PasswordForm";
import { PageHeading } from "../components/PageHeading";
import { useSession } from "../session";

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  return (
    <main id="main" className="narrow">
      <PageHeading title={t("password.changeTitle")} />
      <p>{t("password.changeIntro")}</p>
      <PasswordForm
        onChanged={() => {
          void refresh().then(() => navigate("/", { replace: true }));
        }}
      />
    </main>
  );
}
