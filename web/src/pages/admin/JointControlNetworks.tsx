// Networks of joint controllership with Meta (Facebook pages, Instagram; Art. 26 DSGVO): off until an administrator
// turns them on for the organisation. Shows each one's state and, once one is on, what the organisation must do.
import { useTranslation } from "react-i18next";
import type { NetworkEnablement } from "../../api/connections";
import { useDates } from "../../components/formatDates";

const DUTIES = ["agreement", "information", "assessment"] as const;

export function JointControlNetworks(props: {
  networks: NetworkEnablement[];
  /** Administrators turn them on and off; everyone who sees the channels page sees their state. */
  canSwitch: boolean;
  onSwitch(network: NetworkEnablement["network"], enabled: boolean): void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const anyOn = props.networks.some((n) => n.enabled);
  return (
    <section aria-labelledby="joint-control-heading" className="joint-control">
      <h2 id="joint-control-heading">{t("jointControl.title")}</h2>
      <p>{t("jointControl.intro")}</p>
      <ul className="plain-list">
        {props.networks.map((n) => {
          const name = t(`networks.${n.network}`);
          return (
            <li key={n.network}>
              <strong>{name}</strong>
              {": "}
              {n.enabled
                ? n.enabledByName
                  ? t("jointControl.onSinceBy", { date: dates.format(n.enabledAt), name: n.enabledByName })
                  : t("jointControl.onSince", { date: dates.format(n.enabledAt) })
                : t("jointControl.off")}{" "}
              {props.canSwitch && (
                <button
                  type="button"
                  onClick={() => props.onSwitch(n.network, !n.enabled)}
                  aria-label={t(n.enabled ? "jointControl.turnOffLabel" : "jointControl.turnOnLabel", { name })}
                >
                  {t(n.enabled ? "jointControl.turnOff" : "jointControl.turnOn")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {anyOn && (
        <div className="joint-control-duties" role="note" aria-labelledby="joint-control-duties">
          <h3 id="joint-control-duties">{t("jointControl.dutiesTitle")}</h3>
          <ol>
            {DUTIES.map((duty) => (
              <li key={duty}>{t(`jointControl.duty.${duty}`)}</li>
            ))}
          </ol>
          <p>{t("jointControl.messagesKept")}</p>
        </div>
      )}
    </section>
  );
}
