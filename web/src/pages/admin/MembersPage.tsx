// People of the organisation: list, invite, edit roles and scope, reset password, disable, remove.
// Adding is by invitation: the administrator hands over the one-time link, the person accepts.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { publishingApi } from "../../api/publishing";
import type { Department, InvitationCreated, Member, OrgInvitation } from "../../api/types";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { useAction } from "../../components/useAction";
import { PageHeading } from "../../components/PageHeading";
import { InvitationLink, InvitationsTable } from "./InvitationsTable";
import { MemberForm, type MemberFormValues } from "./MemberForm";
import { useLoad } from "../../api/useLoad";

export function MembersPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const canManage = org.myActions.includes("member.manage");
  const [members, setMembers] = useState<Member[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [channels, setChannels] = useState<{ id: string; name: string }[]>([]);
  const [editing, setEditing] = useState<Member | null>(null);
  const [invitations, setInvitations] = useState<OrgInvitation[]>([]);
  const [created, setCreated] = useState<InvitationCreated | null>(null);

  const reload = useLoad(
    (signal) =>
      Promise.all([
        api.members(org.id, { signal }),
        api.departments(org.id, { signal }),
        publishingApi.channels(org.id, { signal }),
        canManage ? api.invitations(org.id, { signal }) : Promise.resolve({ invitations: [] }),
      ]),
    ([m, d, c, i]) => {
      setMembers(m.members);
      setDepartments(d.departments);
      setChannels(c.channels);
      setInvitations(i.invitations);
    },
    [org.id, canManage],
    { onError: (failure) => setError(failure) },
  );
  const { error, setError, notice, run } = useAction(reload);

  const invite = (v: MemberFormValues) =>
    run(async () => {
      setCreated(null);
      const result = await api.inviteMember(org.id, {
        name: v.name,
        email: v.email,
        roles: v.roles,
        departmentIds: v.departmentIds,
        channelAccountIds: v.channelAccountIds,
        activeWindow: v.activeWindow,
      });
      setCreated(result);
      return t("members.invited", { email: result.email });
    });

  const save = (member: Member, v: MemberFormValues) =>
    run(async () => {
      await api.updateMember(org.id, member.userId, {
        name: v.name,
        roles: v.roles,
        departmentIds: v.departmentIds,
        channelAccountIds: v.channelAccountIds,
        activeWindow: v.activeWindow,
      });
      setEditing(null);
      return t("members.saved");
    });

  const departmentNames = (ids: string[] | null) =>
    ids === null
      ? t("members.allDepartments")
      : ids.map((id) => departments.find((d) => d.id === id)?.name ?? "?").join(", ");
  const status = (m: Member) =>
    [
      m.disabled ? t("members.disabled") : t("members.active"),
      m.mustChangePassword ? t("members.mustChangePassword") : "",
    ]
      .filter(Boolean)
      .join(", ");

  return (
    <section>
      <PageHeading title={t("members.title")} />
      <Notice text={notice} />
      <ErrorMessage error={error} />
      {created && <InvitationLink key={created.invitationId} invitation={created} />}
      <table>
        <caption>{t("members.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("members.name")}</th>
            <th scope="col">{t("members.email")}</th>
            <th scope="col">{t("members.roles")}</th>
            <th scope="col">{t("members.departments")}</th>
            <th scope="col">{t("members.status")}</th>
            {canManage && <th scope="col">{t("members.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <th scope="row">{m.name}</th>
              <td>{m.email}</td>
              <td>{m.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
              <td>{departmentNames(m.departmentIds)}</td>
              <td>{status(m)}</td>
              {canManage && (
                <td className="actions">
                  <button type="button" onClick={() => setEditing(m)} aria-label={`${t("members.edit")}: ${m.name}`}>
                    {t("members.edit")}
                  </button>
                  <button
                    type="button"
                    aria-label={`${t("members.resetPassword")}: ${m.name}`}
                    onClick={() =>
                      window.confirm(t("members.resetConfirm", { name: m.name })) &&
                      void run(async () =>
                        t("members.temporaryPassword", {
                          password: (await api.resetPassword(org.id, m.userId)).temporaryPassword,
                        }),
                      )
                    }
                  >
                    {t("members.resetPassword")}
                  </button>
                  <button
                    type="button"
                    aria-label={`${m.disabled ? t("members.enable") : t("members.disable")}: ${m.name}`}
                    onClick={() =>
                      void run(
                        async () => (
                          await api.updateMember(org.id, m.userId, { disabled: !m.disabled }),
                          t("members.saved")
                        ),
                      )
                    }
                  >
                    {m.disabled ? t("members.enable") : t("members.disable")}
                  </button>
                  <button
                    type="button"
                    aria-label={`${t("members.remove")}: ${m.name}`}
                    onClick={() =>
                      window.confirm(t("members.removeConfirm", { name: m.name })) &&
                      void run(
                        async () => (await api.removeMember(org.id, m.userId), t("members.removed", { name: m.name })),
                      )
                    }
                  >
                    {t("members.remove")}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {canManage && (
        <InvitationsTable
          invitations={invitations}
          onRevoke={(invitation) =>
            void run(
              async () => (
                await api.revokeInvitation(org.id, invitation.id),
                t("members.invitationRevoked", { email: invitation.email })
              ),
            )
          }
        />
      )}
      {canManage && editing && (
        <MemberForm
          key={editing.userId}
          idPrefix="edit-member"
          title={t("members.editTitle", { name: editing.name })}
          submitLabel={t("members.save")}
          departments={departments}
          channels={channels}
          member={editing}
          onSubmit={(v) => save(editing, v)}
          onCancel={() => setEditing(null)}
        />
      )}
      {canManage && !editing && (
        <MemberForm
          idPrefix="add-member"
          title={t("members.addTitle")}
          submitLabel={t("members.add")}
          departments={departments}
          channels={channels}
          onSubmit={invite}
        />
      )}
    </section>
  );
}
