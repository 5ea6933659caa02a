// The webhook of a channel account whose network pushes (Meta's protocol; the sandbox speaks it): its address
// and what arrived — accepted events, messages, refused requests and why — and, for those who manage the
// channel, setting it up (with the network's app secret, or one draht makes) and removing it. The secret and
// the verification token are shown once, right after setting it up.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChannelConnection, connectionsApi } from "../../api/connections";
import { Field } from "../../components/Field";
import { useDates } from "../../components/formatDates";

type SetUp = { callbackUrl: string; verifyToken: string; secret: string | null };

export function WebhookSection(props: {
  connection: ChannelConnection;
  name: string;
  orgId: string;
  canManage: boolean;
  act(action: () => Promise<string>): Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const [shown, setShown] = useState<SetUp | null>(null);
  const { connection: c, orgId } = props;
  const id = c.channelAccountId;
  const hook = c.webhook;
  const number = (n: number) => n.toLocaleString(i18n.language);

  async function setUp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const secret = String(new FormData(form).get("secret") ?? "").trim();
    const done = await props.act(async () => {
      const result = await connectionsApi.setUpWebhook(orgId, id, secret ? { secret } : {});
      setShown(result);
      return t("connections.webhook.setUpDone", { name: props.name });
    });
    if (done) form.reset();
  }

  return (
    <section aria-labelledby={`webhook-${id}`} className="webhook">
      <h4 id={`webhook-${id}`}>{t("connections.webhook.title")}</h4>
      {hook ? (
        <dl>
          <dt>{t("connections.webhook.address")}</dt>
          <dd>
            <code>{hook.callbackUrl}</code>
          </dd>
          <dt>{t("connections.webhook.since")}</dt>
          <dd>{dates.format(hook.createdAt)}</dd>
          <dt>{t("connections.webhook.accepted")}</dt>
          <dd>
            {t("connections.webhook.acceptedValue", {
              events: number(hook.eventsAccepted),
              messages: number(hook.messagesReceived),
            })}
            {hook.lastReceivedAt && <> ({t("connections.webhook.last", { at: dates.format(hook.lastReceivedAt) })})</>}
          </dd>
          <dt>{t("connections.webhook.refused")}</dt>
          <dd className={hook.requestsRefused > 0 ? "warning" : undefined}>
            {number(hook.requestsRefused)}
            {hook.lastRefusal && (
              <>
                {" "}
                (
                {t("connections.webhook.lastRefusal", {
                  reason: t(`connections.webhook.refusal.${hook.lastRefusal}`),
                  at: dates.format(hook.lastRefusedAt),
                })}
                )
              </>
            )}
          </dd>
        </dl>
      ) : (
        <p className="hint">{t("connections.webhook.none")}</p>
      )}
      {shown && (
        <div role="status" className="notice">
          <p>{t("connections.webhook.enterAtNetwork")}</p>
          <dl>
            <dt>{t("connections.webhook.address")}</dt>
            <dd>
              <code>{shown.callbackUrl}</code>
            </dd>
            <dt>{t("connections.webhook.verifyToken")}</dt>
            <dd>
              <code>{shown.verifyToken}</code>
            </dd>
            {shown.secret && (
              <>
                <dt>{t("connections.webhook.secret")}</dt>
                <dd>
                  <code>{shown.secret}</code>
                </dd>
              </>
            )}
          </dl>
          {shown.secret && <p className="hint">{t("connections.webhook.secretOnce")}</p>}
        </div>
      )}
      {props.canManage && (
        <div className="actions">
          <form onSubmit={(e) => void setUp(e)} aria-label={t("connections.webhook.form", { name: props.name })}>
            <Field
              id={`webhook-secret-${id}`}
              label={t("connections.webhook.appSecret")}
              hint={t("connections.webhook.appSecretHint")}
              name="secret"
              type="password"
              autoComplete="off"
              minLength={16}
              maxLength={500}
            />
            <button type="submit">{hook ? t("connections.webhook.renew") : t("connections.webhook.setUp")}</button>
          </form>
          {hook && (
            <button
              type="button"
              onClick={() => {
                if (!window.confirm(t("connections.webhook.confirmRemove", { name: props.name }))) return;
                void props.act(async () => {
                  await connectionsApi.removeWebhook(orgId, id);
                  setShown(null);
                  return t("connections.webhook.removed", { name: props.name });
                });
              }}
            >
              {t("connections.webhook.remove")}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
