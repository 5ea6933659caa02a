// The signed-in person's open invitations to organisations, each to accept or decline. Shown at the
// top of every organisation page and on the start page of people without an organisation.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../api/client";
import { useLoad } from "../api/useLoad";
import type { MyInvitation } from "../api/types";
import { formatInstant } from "./formatDates";
import { useSession } from "../session";
import { ErrorMessage, Notice } from "./ErrorMessage";

export function MyInvitations() {
  const { t, i18n } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [invitations, setInvitations] = useState<MyInvitation[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useLoad(
    (signal) => api.myInvitations({ signal }),
    (r) => setInvitations(r.invitations),
    [],
    { onError: setError },
  );

  async function answer(invitation: MyInvitation, accept: boolean) {
    setError(null);
    try {
      if (accept) {
        const { orgId } = await api.acceptInvitation(invitation.id);
        await refresh();
        navigate(`/o/${orgId}`);
      } else {
        await api.declineInvitation(invitation.id);
        setNotice(t("invitations.declined", { organisation: invitation.organisationName }));
      }
      await load();
    } catch (failure) {
      setError(failure);
    }
  }

  if (invitations.length === 0 && !error && !notice) return null;
  return (
    <section className="card" aria-labelledby="my-invitations-title">
      <h2 id="my-invitations-title">{t("invitations.title")}</h2>
      <Notice text={notice} />
      <ErrorMessage error={error} />
      <ul>
        {invitations.map((invitation) => (
          <li key={invitation.id}>
            <p>
              {t("invitations.item", {
                organisation: invitation.organisationName,
                roles: invitation.roles.map((r) => t(`roles.${r}`)).join(", "),
                invitedBy: invitation.invitedBy,
                date: formatInstant(invitation.expiresAt, { language: i18n.language, timeZone: invitation.timeZone }),
              })}
            </p>
            <button
              type="button"
              aria-label={`${t("invitations.accept")}: ${invitation.organisationName}`}
              onClick={() => void answer(invitation, true)}
            >
              {t("invitations.accept")}
            </button>
            <button
              type="button"
              aria-label={`${t("invitations.decline")}: ${invitation.organisationName}`}
              onClick={() => void answer(invitation, false)}
            >
              {t("invitations.decline")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
