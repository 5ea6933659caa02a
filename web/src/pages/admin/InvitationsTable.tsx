// The organisation's open invitations (withdraw one), and the one-time link of an invitation just
// made, shown once for the administrator to hand over.
import { useTranslation } from "react-i18next";
import type { InvitationCreated, OrgInvitation } from "../../api/types";
import { Field } from "../../components/Field";
import { formatDateTime } from "../publish/dates";

export function InvitationLink({ invitation }: { invitation: InvitationCreated }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="card">
      <Field
        id="invitation-link"
        label={t("members.invitationLink")}
        hint={t("members.invitationLinkHint", {
          email: invitation.email,
          date: formatDateTime(invitation.expiresAt, i18n.language),
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
  const { t, i18n } = useTranslation();
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
            <td>{formatDateTime(invitation.expiresAt, i18n.language)}</td>
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
