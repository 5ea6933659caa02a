// The organisation's open invitations (withdraw one), and the one-time link of an invitation just
// made, shown once for the administrator to hand over.
import { useTranslation } from "react-i18next";
import type { InvitationCreated, OrgInvitation } from "../../api/types";
import { Field } from "../../components/Field";
import { useDates } from "../../components/formatDates";

export function InvitationLink({ invitation }: { invitation: InvitationCreated }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="card">
      <Field
        id="invitation-link"
        label={t("members.invitationLink")}
        hint={t("members.invitationLinkHint", {
          email: invitation.email,
          date: dates.format(invitation.expiresAt),
        })}
        readOnly
        value={invitation.link}
        // The link appears above the form just submitted: focus (and select) it so nobody misses it.
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}

export function InvitationsTable(props: { invitations: OrgInvitation[]; onRevoke(invitation: OrgInvitation): void }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (props.invitations.length === 0) return null;
  return (
    <table>
      <caption>{t("members.invitationsCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("members.email")}</th>
          <th scope="col">{t("members.roles")}</th>
          <th scope="col">{t("members.invitedBy")}</th>
          <th scope="col">{t("members.invitationExpires")}</th>
          <th scope="col">{t("members.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {props.invitations.map((invitation) => (
          <tr key={invitation.id}>
            <th scope="row">{invitation.email}</th>
            <td>{invitation.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
            <td>{invitation.invitedBy}</td>
            <td>{dates.format(invitation.expiresAt)}</td>
            <td className="actions">
              <button
                type="button"
                aria-label={`${t("members.revokeInvitation")}: ${invitation.email}`}
                onClick={() =>
                  window.confirm(t("members.revokeInvitationConfirm", { email: invitation.email })) &&
                  props.onRevoke(invitation)
                }
              >
                {t("members.revokeInvitation")}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
