// What a page shows while its code or data is on the way, and when loading failed: no blank moments.
// The skeleton is grey bars in the shape of a page (hidden from screen readers) and one status line that
// says "Wird geladen …"; a failed load names the reason and offers to try again.
import { useTranslation } from "react-i18next";
import { errorText } from "./ErrorMessage";

/** A skeleton of `lines` text lines under a heading bar; `label` replaces "Wird geladen …" for a part of a page. */
export function Loading({ lines = 4, label }: { lines?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status">
      <span className="visually-hidden">{label ?? t("app.loading")}</span>
      <span className="skeleton-bar skeleton-heading" aria-hidden="true" />
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton-bar" aria-hidden="true" />
      ))}
    </div>
  );
}

/** A load that failed: why, in the person's language, and a button that loads again. */
export function LoadFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="message message-error load-failed" role="alert">
      <p>
        {t("app.loadFailed")} {errorText(t, error)}
      </p>
      <button type="button" onClick={retry}>
        {t("app.retry")}
      </button>
    </div>
  );
}
