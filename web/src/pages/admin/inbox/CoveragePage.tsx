// Vertretung: who looks after which channel account (responsible, deputies; optionally only at certain
// times), and absences, during which escalations go to the deputies instead. Anyone may enter their
// own absence; people who manage members anyone's.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CoveragePlan, inboxApi } from "../../../api/inbox";
import { publishingApi } from "../../../api/publishing";
import { ErrorMessage, Notice } from "../../../components/ErrorMessage";
import { useOrg } from "../../../components/OrgLayout";
import { PageHeading } from "../../../components/PageHeading";
import { useAction } from "../../../components/useAction";
import { useSession } from "../../../session";
import { NamedOptions, asNamed } from "../../../components/NamedOptions";
import { useLoad } from "../../../api/useLoad";
import { DateField, TimeField } from "../../../components/DateTimeFields";
import { formatGermanDate } from "../../../components/germanDateText";

type Entry = CoveragePlan["plan"][number] & { uid: string };
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function CoveragePage() {
  const { t } = useTranslation();
  const org = useOrg();
  const { session } = useSession();
  const [plan, setPlan] = useState<Entry[]>([]);
  const [absences, setAbsences] = useState<CoveragePlan["absences"]>([]);
  const [channels, setChannels] = useState<{ id: string; name: string }[]>([]);
  const [people, setPeople] = useState<{ userId: string; name: string }[]>([]);
  const reload = useLoad(
    (signal) => inboxApi.coverage(org.id, { signal }),
    (c) => {
      setPlan(c.plan.map((e) => ({ ...e, uid: crypto.randomUUID() })));
      setAbsences(c.absences);
    },
    [org.id],
    { onError: (error) => setError(error) },
  );
  const action = useAction(reload);
  const { setError } = action;
  useLoad(
    (signal) =>
      Promise.all([
        publishingApi.channels(org.id, { signal }).catch(() => ({ channels: [] })),
        inboxApi.colleagues(org.id, { signal }),
      ]),
    ([c, p]) => {
      setChannels(c.channels);
      setPeople(p.colleagues);
    },
    [org.id],
    { onError: (error) => setError(error) },
  );
  const canEdit = org.myActions.includes("org.update");
  const manageOthers = org.myActions.includes("member.manage");
  const update = (uid: string, patch: Partial<Entry>) =>
    setPlan(plan.map((e) => (e.uid === uid ? { ...e, ...patch } : e)));

  async function savePlan(event: FormEvent) {
    event.preventDefault();
    const entries = plan.map(({ uid: _uid, userName: _name, ...e }) => e);
    await action.run(async () => (await inboxApi.saveCoverage(org.id, entries), t("coverage.saved")));
  }

  async function addAbsence(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      userId: String(data.get("userId")),
      startsOn: String(data.get("startsOn")),
      endsOn: String(data.get("endsOn")),
      note: String(data.get("note") ?? ""),
    };
    await action.run(async () => (await inboxApi.addAbsence(org.id, input), t("coverage.absenceAdded")));
  }

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("coverage.title")} id="page-heading" />
      <p>{t("coverage.intro")}</p>
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      <form onSubmit={savePlan}>
        <fieldset disabled={!canEdit}>
          <legend>{t("coverage.plan")}</legend>
          <ul className="plain-list">
            {plan.map((entry) => (
              <li key={entry.uid} className="card wide inline-form">
                <label className="field compact">
                  <span>{t("inboxRules.channel")}</span>
                  <select
                    value={entry.channelAccountId}
                    onChange={(e) => update(entry.uid, { channelAccountId: e.target.value })}
                    required
                  >
                    <NamedOptions items={channels} />
                  </select>
                </label>
                <label className="field compact">
                  <span>{t("coverage.person")}</span>
                  <select value={entry.userId} onChange={(e) => update(entry.uid, { userId: e.target.value })} required>
                    <NamedOptions items={asNamed(people)} />
                  </select>
                </label>
                <label className="field compact">
                  <span>{t("coverage.role")}</span>
                  <select
                    value={entry.role}
                    onChange={(e) => update(entry.uid, { role: e.target.value as Entry["role"] })}
                  >
                    <option value="responsible">{t("coverage.responsible")}</option>
                    <option value="deputy">{t("coverage.deputy")}</option>
                  </select>
                </label>
                <fieldset className="compact">
                  <legend>{t("coverage.when")}</legend>
                  {WEEKDAYS.map((d) => (
                    <label key={d} className="check">
                      <input
                        type="checkbox"
                        checked={entry.window?.days.includes(d) ?? false}
                        onChange={(e) => {
                          const days = (entry.window?.days ?? [])
                            .filter((x) => x !== d)
                            .concat(e.target.checked ? [d] : [])
                            .sort();
                          update(entry.uid, {
                            window: days.length
                              ? {
                                  days,
                                  from: entry.window?.from ?? "08:00",
                                  to: entry.window?.to ?? "16:00",
                                  timeZone: "Europe/Berlin",
                                }
                              : null,
                          });
                        }}
                      />
                      {t(`officeHours.weekday.${d}`)}
                    </label>
                  ))}
                  {entry.window ? (
                    <span className="inline-form">
                      <TimeField
                        id={`coverage-${entry.uid}-from`}
                        label={t("officeHours.from")}
                        className="field compact"
                        required
                        value={entry.window.from}
                        onChange={(from) => entry.window && update(entry.uid, { window: { ...entry.window, from } })}
                      />
                      <TimeField
                        id={`coverage-${entry.uid}-to`}
                        label={t("officeHours.to")}
                        className="field compact"
                        required
                        value={entry.window.to}
                        onChange={(to) => entry.window && update(entry.uid, { window: { ...entry.window, to } })}
                      />
                    </span>
                  ) : (
                    <p className="hint">{t("coverage.always")}</p>
                  )}
                </fieldset>
                <button type="button" onClick={() => setPlan(plan.filter((e) => e.uid !== entry.uid))}>
                  {t("inboxRules.remove")}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            disabled={channels.length === 0 || people.length === 0}
            onClick={() =>
              setPlan([
                ...plan,
                {
                  uid: crypto.randomUUID(),
                  channelAccountId: channels[0]?.id ?? "",
                  userId: people[0]?.userId ?? "",
                  userName: people[0]?.name ?? "",
                  role: "responsible",
                  window: null,
                },
              ])
            }
          >
            {t("coverage.add")}
          </button>
          <button type="submit">{t("coverage.save")}</button>
        </fieldset>
      </form>
      <h2>{t("coverage.absences")}</h2>
      {absences.length === 0 ? (
        <p>{t("coverage.noAbsences")}</p>
      ) : (
        <ul>
          {absences.map((a) => (
            <li key={a.id}>
              {t("coverage.absence", {
                name: a.userName,
                from: formatGermanDate(a.startsOn),
                to: formatGermanDate(a.endsOn),
              })}{" "}
              {a.note ? `(${a.note})` : ""}
              {manageOthers || a.userId === session?.user.id ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    void action.run(
                      async () => (await inboxApi.removeAbsence(org.id, a.id), t("coverage.absenceRemoved")),
                    )
                  }
                >
                  {t("coverage.removeAbsence", { name: a.userName })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addAbsence} className="inline-form" aria-labelledby="absence-heading">
        <h3 id="absence-heading">{t("coverage.addAbsence")}</h3>
        <label className="field compact">
          <span>{t("coverage.person")}</span>
          <select name="userId" defaultValue={session?.user.id}>
            {people
              .filter((p) => manageOthers || p.userId === session?.user.id)
              .map((p) => (
                <option key={p.userId} value={p.userId}>
                  {p.name}
                </option>
              ))}
          </select>
        </label>
        <DateField
          id="absence-starts"
          label={t("coverage.startsOn")}
          name="startsOn"
          className="field compact"
          required
        />
        <DateField id="absence-ends" label={t("coverage.endsOn")} name="endsOn" className="field compact" required />
        <label className="field compact">
          <span>{t("coverage.note")}</span>
          <input name="note" maxLength={200} />
        </label>
        <button type="submit">{t("coverage.addAbsence")}</button>
      </form>
    </section>
  );
}
