// Shows an API error in the user's language, with the detail the server marked as safe.
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

export function errorText(t: (key: string, options?: Record<string, unknown>) => string, error: unknown): string {
  if (!(error instanceof ApiError)) return t("errors.INTERNAL");
  const problem = error.details?.problem;
  if (error.code === "DRAHT_ERR_PASSWORD_TOO_WEAK" && typeof problem === "string")
    return t(`password.problem.${problem}`);
  // A feed of another installation refused: the sentence for its problem (its own table, since "withdrawn"
  // means something else among the general reasons).
  if (error.code === "DRAHT_ERR_FEED_REFUSED" && typeof problem === "string" && /^[a-z_]+$/.test(problem))
    return t(`feeds.problem.${problem}`, { defaultValue: t("errors.FEED_REFUSED") });
  if (problem === "not_in_netiquette")
    return t("moderation.clauseNotInNetiquette", { clause: error.details?.clause ?? "" });
  // A refusal the server explains further (a message template WhatsApp no longer offers, a file gone from the library).
  const reason = error.details?.reason ?? problem ?? error.details?.action;
  if (typeof reason === "string" && /^[a-z_]+$/.test(reason)) {
    // Only the figures the texts name, never the server's whole details (a "count" or "lng" there would steer i18next).
    const figures = { expected: error.details?.expected, limit: error.details?.limitMb };
    const specific = t(`errorReasons.${reason}`, { ...figures, defaultValue: "" });
    if (specific) return specific;
  }
  return t(error.key, { defaultValue: t("errors.INTERNAL") });
}

/** An error the server sent the browser back with in the address (`?connectionError=CODE`), e.g. after OAuth. */
export function errorFromAddress(search: string): ApiError | null {
  const code = new URLSearchParams(search).get("connectionError");
  return code && /^[A-Z_]+$/.test(code) ? new ApiError(400, code, `errors.${code}`, undefined) : null;
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
