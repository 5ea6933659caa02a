// Sign-in with e-mail and password.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { api } from "../api/client";
import { ErrorMessage } from "../components/ErrorMessage";
import { Field } from "../components/Field";
import { PageHeading } from "../components/PageHeading";
import { useSession } from "../session";

export function LoginPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  // Only back to an invitation's page (the one place that sends people here to come back).
  const returnTo = (useLocation().state as { returnTo?: unknown } | null)?.returnTo;
  const next = typeof returnTo === "string" && returnTo.startsWith("/invitation#") ? returnTo : "/";
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
      navigate(next, { replace: true });
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
