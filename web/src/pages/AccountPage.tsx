// The person's own account: password, sessions and notifications (e-mail, push).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../api/client";
import { Notice } from "../components/ErrorMessage";
import { PasswordForm } from "../components/PasswordForm";
import { PageHeading } from "../components/PageHeading";
import { useSession } from "../session";
import { NotificationSettings } from "./account/NotificationSettings";

export function AccountPage() {
  const { t } = useTranslation();
  const { session, clear } = useSession();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);

  async function logoutEverywhere() {
    await api.logoutEverywhere();
    clear();
    navigate("/login");
  }

  return (
    <section>
      <PageHeading title={t("account.title")} />
      <p>{t("account.signedInAs", { name: session?.user.name, email: session?.user.email })}</p>
      <Notice text={notice} />
      <h2>{t("password.new")}</h2>
      <PasswordForm onChanged={() => setNotice(t("password.changed"))} />
      <h2>{t("account.sessionsTitle")}</h2>
      <p id="logout-everywhere-hint">{t("account.logoutEverywhereHint")}</p>
      <button type="button" aria-describedby="logout-everywhere-hint" onClick={() => void logoutEverywhere()}>
        {t("account.logoutEverywhere")}
      </button>
      <NotificationSettings />
    </section>
  );
}
