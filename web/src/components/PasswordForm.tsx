// Changing one's own password: used when a new password is due and on the account page.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { ErrorMessage } from "./ErrorMessage";
import { Field } from "./Field";

export function PasswordForm({ onChanged }: { onChanged(): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const next = String(form.get("newPassword"));
    setError(null);
    setMismatch(next !== String(form.get("repeatPassword")));
    if (next !== String(form.get("repeatPassword"))) return;
    try {
      await api.changePassword(String(form.get("currentPassword")), next);
      formElement.reset();
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field
        id="pw-current"
        label={t("password.current")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
      />
      <Field
        id="pw-new"
        label={t("password.new")}
        hint={t("password.hint")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
      />
      <Field
        id="pw-repeat"
        label={t("password.repeat")}
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        required
        aria-invalid={mismatch}
      />
      {mismatch && (
        <p className="message message-error" role="alert">
          {t("password.mismatch")}
        </p>
      )}
      <ErrorMessage error={error} />
      <button type="submit">{t("password.submit")}</button>
    </form>
  );
}
