// Sign-in with e-mail and password.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../api/client";
import { ErrorMessage } from "../components/ErrorMessage";
import { Field } from "../components/Field";
import { PageHeading } from "../components/PageHeading";
import { useSession } from "../session";

export function LoginPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await api.login(String(form.get("email")), String(form.get("password")));
      await refresh();
      navigate("/", { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="narrow">
      <p className="brand">{t("app.name")}</p>
      <p className="muted">{t("app.tagline")}</p>
      <PageHeading title={t("login.title")} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="login-email" label={t("login.email")} name="email" type="email" autoComplete="username" required />
        <Field
          id="login-password"
          label={t("login.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          {t("login.submit")}
        </button>
      </form>
    </main>
  );
}
