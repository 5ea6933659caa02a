// The page an invitation link opens (/invitation#<token>; the token stays in the fragment, so it never
// reaches a server log). The link is the only way in: a new person chooses a password and joins; someone with
// an account signs in and comes back here to accept with the same link; anyone may decline.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ApiError, api } from "../api/client";
import { useLoad } from "../api/useLoad";
import type { InvitationPreview } from "../api/types";
import { ErrorMessage } from "../components/ErrorMessage";
import { Field } from "../components/Field";
import { PageHeading } from "../components/PageHeading";
import { useSession } from "../session";

const tokenOfLocation = () => window.location.hash.replace(/^#/, "");

export function InvitationPage() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const [token] = useState(tokenOfLocation);
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [declined, setDeclined] = useState(false);

  useLoad((signal) => api.inspectInvitationLink(token, { signal }), setPreview, [token], {
    enabled: token !== "",
    onError: setError,
  });

  async function accept(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    setError(null);
    setMismatch(password !== String(form.get("repeatPassword")));
    if (password !== String(form.get("repeatPassword"))) return;
    try {
      await api.acceptInvitationLink(token, password);
      await refresh();
      navigate("/", { replace: true });
    } catch (failure) {
      setError(failure);
    }
  }

  async function join() {
    setError(null);
    try {
      const { orgId } = await api.joinByInvitation(token);
      await refresh();
      navigate(`/o/${orgId}`, { replace: true });
    } catch (failure) {
      setError(failure);
    }
  }

  async function signOut() {
    await api.logout().catch(() => undefined);
    await refresh();
  }

  async function decline() {
    setError(null);
    try {
      await api.declineInvitationLink(token);
      setDeclined(true);
    } catch (failure) {
      setError(failure);
    }
  }

  const needsSignIn = error instanceof ApiError && error.code === "DRAHT_ERR_INVITATION_NEEDS_SIGN_IN";
  const signInHere = (
    <Link to="/login" state={{ returnTo: `/invitation#${token}` }}>
      {t("invitations.signIn")}
    </Link>
  );
  const signedInAs = session?.user.email.toLowerCase();
  return (
    <main id="main" className="narrow">
      <p className="brand">{t("app.name")}</p>
      <PageHeading title={t("invitations.pageTitle")} />
      {!token && <p role="alert">{t("invitations.missingToken")}</p>}
      <ErrorMessage error={error} />
      {needsSignIn && !session && <p>{signInHere}</p>}
      {declined && <p role="status">{t("invitations.declinedByLink")}</p>}
      {preview && !declined && session && (
        <>
          <p>
            {t("invitations.pageIntro", {
              organisation: preview.organisationName,
              email: preview.email,
              roles: preview.roles.map((r) => t(`roles.${r}`)).join(", "),
            })}
          </p>
          {signedInAs === preview.email ? (
            <p>
              <button type="button" onClick={() => void join()}>
                {t("invitations.acceptAs", { email: preview.email })}
              </button>
            </p>
          ) : (
            <>
              <p>{t("invitations.otherAccount", { current: session.user.email, email: preview.email })}</p>
              <p>
                <button type="button" onClick={() => void signOut()}>
                  {t("nav.logout")}
                </button>
              </p>
            </>
          )}
          <p>
            <button type="button" className="link-button" onClick={() => void decline()}>
              {t("invitations.declineLink")}
            </button>
          </p>
        </>
      )}
      {preview && !declined && !session && !needsSignIn && (
        <>
          <p>
            {t("invitations.pageIntro", {
              organisation: preview.organisationName,
              email: preview.email,
              roles: preview.roles.map((r) => t(`roles.${r}`)).join(", "),
            })}
          </p>
          <p>
            {t("invitations.existingAccount")} {signInHere}
          </p>
          <form onSubmit={(e) => void accept(e)} aria-labelledby="invitation-password-title" noValidate>
            <h2 id="invitation-password-title">{t("invitations.choosePassword")}</h2>
            <Field
              id="invitation-password"
              label={t("password.new")}
              hint={t("password.hint")}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={12}
            />
            <Field
              id="invitation-repeat"
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
            <button type="submit">{t("invitations.acceptAndCreate")}</button>
          </form>
          <p>
            <button type="button" className="link-button" onClick={() => void decline()}>
              {t("invitations.declineLink")}
            </button>
          </p>
        </>
      )}
    </main>
  );
}
