// Shows an API error in the user's language, with the detail the server marked as safe.
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

export function errorText(t: (key: string, options?: Record<string, unknown>) => string, error: unknown): string {
  if (!(error instanceof ApiError)) return t("errors.INTERNAL");
  const problem = error.details?.problem;
  if (error.code === "DRAHT_ERR_PASSWORD_TOO_WEAK" && typeof problem === "string")
    return t(`password.problem.${problem}`);
  if (problem === "not_in_netiquette")
    return t("moderation.clauseNotInNetiquette", { clause: error.details?.clause ?? "" });
  return t(error.key, { defaultValue: t("errors.INTERNAL") });
}

export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="message message-error" role="alert" id={id}>
      {errorText(t, error)}
    </p>
  );
}

export function Notice({ text }: { text: string | null }) {
  return (
    <p className="message message-ok" role="status">
      {text ?? ""}
    </p>
  );
}
