// Verbindungen: how each network account is connected (OAuth, app password), as whom, and how its
// inbound sync is doing — last sync, errors, rate limit — with connect, sync now and disconnect; and the
// webhook of networks that push (WebhookSection).
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChannelConnection, connectionsApi } from "../../api/connections";
import type { ChannelAccount } from "../../api/publishing";
import { Field } from "../../components/Field";
import { useLoad } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";
import { WebhookSection } from "./WebhookSection";

export function ChannelConnections(props: {
  orgId: string;
  accounts: ChannelAccount[];
  canManage: boolean;
  run(action: () => Promise<string>): Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const [connections, setConnections] = useState<ChannelConnection[]>([]);
  const reload = useLoad(
    (signal) => connectionsApi.list(props.orgId, { signal }),
    (r) => setConnections(r.connections),
    [props.orgId, props.accounts],
    { onError: () => setConnections([]) },
  );
  const networked = connections.filter((c) => c.connectMethods.length > 0 || c.webhookSupported);
  if (networked.length === 0) return null;
  const nameOf = (id: string) => props.accounts.find((a) => a.id === id)?.name ?? id;
  const act = (action: () => Promise<string>) =>
    props.run(async () => {
      const message = await action();
      await reload();
      return message;
    });

  return (
    <section aria-labelledby="connections-title">
      <h2 id="connections-title">{t("connections.title")}</h2>
      <p className="hint">{t("connections.hint")}</p>
      {networked.map((c) => {
        const name = nameOf(c.channelAccountId);
        const state = c.sync?.status ?? (c.connected ? "never_synced" : "disconnected");
        return (
          <article key={c.channelAccountId} className="card" aria-labelledby={`connection-${c.channelAccountId}`}>
            <h3 id={`connection-${c.channelAccountId}`}>
              {name} ({t(`networks.${c.network}`)})
            </h3>
            {c.connectMethods.length > 0 && (
              <dl>
                <dt>{t("connections.state")}</dt>
                <dd className={state === "warning" || state === "needs_reconnect" ? "warning" : undefined}>
                  {c.connected ? t(`connections.status.${state}`) : t("connections.notConnected")}
                </dd>
                {c.remoteHandle && (
                  <>
                    <dt>{t("connections.as")}</dt>
                    <dd>{c.remoteUrl ? <a href={c.remoteUrl}>{c.remoteHandle}</a> : c.remoteHandle}</dd>
                  </>
                )}
                <dt>{t("connections.server")}</dt>
                <dd>{c.serverUrl ?? "–"}</dd>
                {c.serverLimits.maxLength !== undefined && (
                  <>
                    <dt>{t("connections.serverLimits")}</dt>
                    <dd>
                      {t("connections.serverLimitsValue", {
                        length: c.serverLimits.maxLength.toLocaleString(i18n.language),
                        media: c.serverLimits.maxMedia ?? "–",
                      })}
                    </dd>
                  </>
                )}
                {c.accessTier && (
                  <>
                    <dt>{t("connections.accessTier")}</dt>
                    <dd>{t(`connections.accessTierValue.${c.accessTier}`)}</dd>
                  </>
                )}
                <dt>{t("connections.lastSync")}</dt>
                <dd>{dates.format(c.sync?.lastSuccessAt ?? null) || "–"}</dd>
                {c.sync?.lastErrorMessage && (
                  <>
                    <dt>{t("connections.lastError")}</dt>
                    <dd>
                      {t(`connections.errorKind.${c.sync.lastErrorKind ?? "transient"}`)} (
                      {dates.format(c.sync.lastErrorAt) || "–"}): {c.sync.lastErrorMessage}
                    </dd>
                  </>
                )}
                {c.sync?.rateLimitRemaining !== null && c.sync?.rateLimitRemaining !== undefined && (
                  <>
                    <dt>{t("connections.rateLimit")}</dt>
                    <dd>
                      {t("connections.rateLimitLeft", {
                        count: c.sync.rateLimitRemaining,
                        reset: dates.format(c.sync.rateLimitResetAt) || "–",
                      })}
                    </dd>
                  </>
                )}
                <dt>{t("connections.received")}</dt>
                <dd>{(c.sync?.itemsReceived ?? 0).toLocaleString(i18n.language)}</dd>
              </dl>
            )}
            {props.canManage && c.connectMethods.length > 0 && (
              <ConnectionActions connection={c} name={name} orgId={props.orgId} act={act} />
            )}
            {c.webhookSupported && (
              <WebhookSection connection={c} name={name} orgId={props.orgId} canManage={props.canManage} act={act} />
            )}
          </article>
        );
      })}
    </section>
  );
}

function ConnectionActions(props: {
  connection: ChannelConnection;
  name: string;
  orgId: string;
  act(action: () => Promise<string>): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { connection: c, orgId } = props;
  const id = c.channelAccountId;
  const needsConnect = !c.connected || c.sync?.status === "needs_reconnect";

  async function connectWithPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const done = await props.act(async () => {
      const result = await connectionsApi.appPassword(orgId, id, {
        identifier: String(data.get("identifier")),
        password: String(data.get("password")),
      });
      return t("connections.connectedAs", { handle: result.handle });
    });
    if (done) form.reset();
  }

  return (
    <div className="actions">
      {c.connectMethods.includes("oauth") && (
        <button
          type="button"
          onClick={() =>
            void props.act(async () => {
              const { authoriseUrl } = await connectionsApi.beginOAuth(orgId, id);
              window.location.assign(authoriseUrl);
              return t("connections.redirecting");
            })
          }
        >
          {needsConnect
            ? t("connections.connectOAuth", { network: t(`networks.${c.network}`) })
            : t("connections.reconnect")}
        </button>
      )}
      {c.connectMethods.includes("app_password") &&
        (c.connectMethods[0] === "app_password" ? (
          <AppPasswordForm
            id={id}
            name={props.name}
            network={c.network}
            needsConnect={needsConnect}
            onSubmit={connectWithPassword}
          />
        ) : (
          // OAuth comes first where the network has it; an app password stays possible.
          <details>
            <summary>{t("connections.orAppPassword")}</summary>
            <AppPasswordForm
              id={id}
              name={props.name}
              network={c.network}
              needsConnect={needsConnect}
              onSubmit={connectWithPassword}
            />
          </details>
        ))}
      {c.connected && (
        <>
          <button
            type="button"
            onClick={() =>
              void props.act(async () => {
                const { outcome } = await connectionsApi.syncNow(orgId, id);
                if (outcome?.status === "already_running") return t("connections.syncRunning");
                return outcome?.error
                  ? t("connections.syncFailed", { error: outcome.error })
                  : t("connections.synced", { count: outcome?.received ?? 0 });
              })
            }
          >
            {t("connections.syncNow")}
          </button>
          <button
            type="button"
            onClick={() => {
              if (!window.confirm(t("connections.confirmDisconnect", { name: props.name }))) return;
              void props.act(async () => {
                await connectionsApi.disconnect(orgId, id);
                return t("connections.disconnected", { name: props.name });
              });
            }}
          >
            {t("connections.disconnect")}
          </button>
        </>
      )}
    </div>
  );
}

function AppPasswordForm(props: {
  id: string;
  name: string;
  /**
   * Whose words the fields take: a mailbox signs in with its own user name and password (the same for IMAP and
   * SMTP), a Telegram bot with its name and token, a WhatsApp number with its phone number id and a system
   * user's access token; the others with an app password.
   */
  network: string;
  needsConnect: boolean;
  onSubmit(event: FormEvent<HTMLFormElement>): Promise<void>;
}) {
  const { t } = useTranslation();
  const { id } = props;
  const words =
    props.network === "email"
      ? "connections.mailbox"
      : props.network === "telegram"
        ? "connections.telegram"
        : props.network === "whatsapp"
          ? "connections.whatsapp"
          : props.network === "instagram"
            ? "connections.instagram"
            : "connections";
  return (
    <form onSubmit={(e) => void props.onSubmit(e)} aria-label={t(`${words}.appPasswordForm`, { name: props.name })}>
      <Field
        id={`identifier-${id}`}
        label={t(`${words}.identifier`)}
        name="identifier"
        required
        autoComplete="username"
      />
      <Field
        id={`password-${id}`}
        label={t(`${words}.appPassword`)}
        hint={t(`${words}.appPasswordHint`)}
        name="password"
        type="password"
        required
        autoComplete="off"
      />
      <button type="submit">{props.needsConnect ? t("connections.connect") : t("connections.reconnect")}</button>
    </form>
  );
}
