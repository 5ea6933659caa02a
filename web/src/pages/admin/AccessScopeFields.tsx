// The parts of a membership that limit where and when it applies: channel accounts and a weekly
// time window ("trainees only in office hours"). The server's policy enforces both.
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { Member } from "../../api/types";
import { TimeField } from "../../components/DateTimeFields";

export type WeeklyWindow = NonNullable<Member["activeWindow"]>;

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function ChannelScopeFields({
  idPrefix,
  channels,
  selected,
}: {
  idPrefix: string;
  channels: { id: string; name: string }[];
  selected: string[] | null;
}) {
  const { t } = useTranslation();
  const [limited, setLimited] = useState(selected !== null);
  return (
    <fieldset>
      <legend>{t("members.channels")}</legend>
      <label className="check">
        <input
          type="radio"
          name={`${idPrefix}-channel-scope`}
          value="all"
          checked={!limited}
          onChange={() => setLimited(false)}
        />
        {t("members.allChannels")}
      </label>
      <label className="check">
        <input
          type="radio"
          name={`${idPrefix}-channel-scope`}
          value="limited"
          checked={limited}
          onChange={() => setLimited(true)}
        />
        {t("members.limitToChannels")}
      </label>
      {limited && (
        <div className="indent">
          {channels.length === 0 && <p className="hint">{t("members.noChannels")}</p>}
          {channels.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" name="channelAccountIds" value={c.id} defaultChecked={selected?.includes(c.id)} />
              {c.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

export function TimeWindowFields({ idPrefix, window }: { idPrefix: string; window: WeeklyWindow | null }) {
  const { t } = useTranslation();
  const [limited, setLimited] = useState(window !== null);
  return (
    <fieldset>
      <legend>{t("members.timeWindow")}</legend>
      <label className="check">
        <input type="checkbox" name="windowLimited" checked={limited} onChange={(e) => setLimited(e.target.checked)} />
        {t("members.limitToTimes")}
      </label>
      {limited && (
        <div className="indent">
          <p className="hint">{t("members.timeWindowHint")}</p>
          {WEEKDAYS.map((day) => (
            <label key={day} className="check">
              <input
                type="checkbox"
                name="windowDays"
                value={day}
                defaultChecked={window ? window.days.includes(day) : day <= 5}
              />
              {t(`members.weekday.${day}`)}
            </label>
          ))}
          <div className="inline-form">
            <TimeField
              id={`${idPrefix}-from`}
              label={t("members.from")}
              className="field compact"
              name="windowFrom"
              defaultValue={window?.from ?? "07:00"}
              required
            />
            <TimeField
              id={`${idPrefix}-to`}
              label={t("members.to")}
              className="field compact"
              name="windowTo"
              defaultValue={window?.to ?? "18:00"}
              required
            />
          </div>
        </div>
      )}
    </fieldset>
  );
}

/** Reads the scope fields from a submitted form. */
export function readScope(
  form: FormData,
  idPrefix: string,
): { channelAccountIds: string[] | null; activeWindow: WeeklyWindow | null } {
  const channelAccountIds =
    form.get(`${idPrefix}-channel-scope`) === "limited" ? form.getAll("channelAccountIds").map(String) : null;
  const activeWindow =
    form.get("windowLimited") === "on"
      ? {
          timeZone: "Europe/Berlin",
          days: form.getAll("windowDays").map(Number),
          from: String(form.get("windowFrom")),
          to: String(form.get("windowTo")),
        }
      : null;
  return { channelAccountIds, activeWindow };
}
