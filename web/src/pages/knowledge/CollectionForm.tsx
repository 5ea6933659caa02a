// A collection's title, description and receivers (every organisation of the installation, or chosen ones),
// for a new collection and for changing one.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CollectionDetail, sharingApi } from "../../api/sharing";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { useOrg } from "../../components/OrgLayout";

export function CollectionForm({
  collection,
  onSaved,
}: {
  collection: CollectionDetail["collection"] | null;
  onSaved(id: string): void;
}) {
  const { t } = useTranslation();
  const org = useOrg();
  const [targets, setTargets] = useState<{ id: string; name: string }[]>([]);
  const [audience, setAudience] = useState<"all" | "chosen">(collection?.audience ?? "chosen");
  const [chosen, setChosen] = useState<string[]>(collection?.receivers.map((r) => r.id) ?? []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [missingReceivers, setMissingReceivers] = useState(false);
  useLoad(
    (signal) => sharingApi.targets(org.id, { signal }),
    (r) => setTargets(r.organisations),
    [org.id],
    {
      onError: setError,
    },
  );
  const prefix = collection ? `collection-${collection.id}` : "collection-new";

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (audience === "chosen" && chosen.length === 0) {
      setError(null);
      setMissingReceivers(true);
      return;
    }
    setMissingReceivers(false);
    const data = new FormData(event.currentTarget);
    setError(null);
    setBusy(true);
    try {
      const saved = await sharingApi.saveCollection(org.id, collection?.id ?? null, {
        title: String(data.get("title") ?? ""),
        description: String(data.get("description") ?? ""),
        audience,
        receiverOrgIds: audience === "chosen" ? chosen : [],
      });
      onSaved(saved.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save}>
      <Field
        id={`${prefix}-title`}
        name="title"
        required
        maxLength={200}
        label={t("sharing.fields.title")}
        defaultValue={collection?.title ?? ""}
      />
      <div className="field">
        <label htmlFor={`${prefix}-description`}>{t("sharing.fields.description")}</label>
        <textarea
          id={`${prefix}-description`}
          name="description"
          rows={3}
          maxLength={2000}
          defaultValue={collection?.description ?? ""}
        />
      </div>
      <fieldset aria-describedby={missingReceivers ? `${prefix}-receivers-error` : undefined}>
        <legend>{t("sharing.fields.receivers")}</legend>
        {missingReceivers ? (
          <p className="message message-error" role="alert" id={`${prefix}-receivers-error`}>
            {t("sharing.chooseReceivers")}
          </p>
        ) : null}
        <label className="check">
          <input type="radio" name="audience" checked={audience === "all"} onChange={() => setAudience("all")} />
          {t("sharing.audience.allLong")}
        </label>
        <label className="check">
          <input type="radio" name="audience" checked={audience === "chosen"} onChange={() => setAudience("chosen")} />
          {t("sharing.audience.chosen")}
        </label>
        {audience === "chosen" ? (
          targets.length === 0 ? (
            <p className="hint">{t("sharing.noTargets")}</p>
          ) : (
            <ul className="plain-list">
              {targets.map((target) => (
                <li key={target.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={chosen.includes(target.id)}
                      onChange={(e) =>
                        setChosen(e.target.checked ? [...chosen, target.id] : chosen.filter((id) => id !== target.id))
                      }
                    />
                    {target.name}
                  </label>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </fieldset>
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {collection ? t("sharing.saveCollection") : t("sharing.createCollection")}
      </button>
    </form>
  );
}
