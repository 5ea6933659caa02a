// Kanäle: the organisation's channel accounts with their owner, accountable person and approval rules.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { type ChannelAccountDetails, publishingApi } from "../../api/publishing";
import type { Department, Member } from "../../api/types";
import { ErrorMessage, Notice, errorFromAddress } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { ChannelAccountForm } from "./ChannelAccountForm";
import { ChannelConnections } from "./ChannelConnections";
import { JointControlNetworks } from "./JointControlNetworks";
import { type NetworkEnablement, connectionsApi } from "../../api/connections";
import { useLoad } from "../../api/useLoad";

export function ChannelsPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const canManage = org.myActions.includes("channel.manage");
  const [accounts, setAccounts] = useState<ChannelAccountDetails[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [editing, setEditing] = useState<ChannelAccountDetails | null>(null);
  const [networks, setNetworks] = useState<NetworkEnablement[]>([]);
  const reload = useLoad(
    (signal) =>
      Promise.all([
        publishingApi.channels(org.id, { signal }),
        api.departments(org.id, { signal }),
        api.members(org.id, { signal }),
        connectionsApi.networks(org.id, { signal }),
      ]),
    ([c, d, m, n]) => {
      setAccounts(c.channels);
      setDepartments(d.departments);
      setMembers(m.members);
      setNetworks(n.networks);
    },
    [org.id],
    { onError: (failure) => setError(failure) },
  );
  const { error, setError, notice, run } = useAction(reload);
  // Back from the network's consent page: say so once, and take the marker out of the address.
  const [returned] = useState(() => new URLSearchParams(window.location.search).get("connected"));
  const [returnedError] = useState(() => errorFromAddress(window.location.search));
  useEffect(() => {
    if (returned || returnedError) window.history.replaceState(null, "", window.location.pathname);
  }, [returned, returnedError]);
  const nameOf = (list: { id?: string; userId?: string; name: string }[], id: string | null) =>
    list.find((x) => (x.id ?? x.userId) === id)?.name ?? "–";

  return (
    <section>
      <PageHeading title={t("channels.title")} />
      <Notice
        text={
          notice ??
          (returned ? t("connections.returned", { name: accounts.find((a) => a.id === returned)?.name ?? "" }) : null)
        }
      />
      <ErrorMessage error={error ?? returnedError} />
      {/* On a narrow screen the table scrolls within its region, not the page (focusable, so keys scroll it). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("channels.caption")}>
        <table>
          <caption>{t("channels.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("channels.name")}</th>
              <th scope="col">{t("channels.network")}</th>
              <th scope="col">{t("channels.department")}</th>
              <th scope="col">{t("channels.accountable")}</th>
              <th scope="col">{t("channels.approval")}</th>
              {canManage && <th scope="col">{t("channels.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>
                  {a.emulates
                    ? `${t(`networks.${a.network}`)} (${t(`networks.${a.emulates}`)})`
                    : t(`networks.${a.network}`)}
                </td>
                <td>{nameOf(departments, a.departmentId)}</td>
                <td>{nameOf(members, a.accountableUserId)}</td>
                <td>{t(`channels.mode.${a.approval.post ?? "single"}`)}</td>
                {canManage && (
                  <td className="actions">
                    <button type="button" onClick={() => setEditing(a)} aria-label={`${t("channels.edit")}: ${a.name}`}>
                      {t("channels.edit")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {accounts.length === 0 && <p>{t("channels.none")}</p>}
      <ChannelConnections orgId={org.id} accounts={accounts} canManage={canManage} run={run} />
      <JointControlNetworks
        networks={networks}
        canSwitch={org.myActions.includes("org.update")}
        onSwitch={(network, enabled) =>
          void run(async () => {
            await connectionsApi.switchNetwork(org.id, network, enabled);
            const name = t(`networks.${network}`);
            return t(enabled ? "jointControl.turnedOn" : "jointControl.turnedOff", { name });
          })
        }
      />
      {canManage && editing && (
        <ChannelAccountForm
          key={editing.id}
          idPrefix="edit-channel"
          title={t("channels.editTitle", { name: editing.name })}
          submitLabel={t("channels.save")}
          account={editing}
          departments={departments}
          members={members}
          onCancel={() => setEditing(null)}
          onSubmit={(values) =>
            run(async () => {
              await publishingApi.updateChannel(org.id, editing.id, values);
              setEditing(null);
              return t("channels.saved");
            })
          }
        />
      )}
      {canManage && !editing && (
        <ChannelAccountForm
          idPrefix="add-channel"
          enabledNetworks={networks.filter((n) => n.enabled).map((n) => n.network)}
          title={t("channels.addTitle")}
          submitLabel={t("channels.add")}
          departments={departments}
          members={members}
          onSubmit={(values) =>
            run(async () => {
              await publishingApi.createChannel(org.id, { ...values, network: values.network ?? "sandbox" });
              return t("channels.created", { name: String(values.name) });
            })
          }
        />
      )}
    </section>
  );
}
