// Mediathek: upload images and short videos, and record for each its alternative text or captions
// (BITV 2.0), the rights to use it and the consent of the people shown. A file is a department's or the
// whole organisation's; everyone uses both, but changes only those of the departments they work for.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { type MediaAsset, publishingApi } from "../../api/publishing";
import type { Department } from "../../api/types";
import { departmentChoices } from "../../components/departmentChoices";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { useLoad } from "../../api/useLoad";

const CONSENT = ["not_needed", "obtained", "missing"] as const;

export function MediaLibraryPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const [media, setMedia] = useState<MediaAsset[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const reload = useLoad(
    (signal) => Promise.all([publishingApi.media(org.id, { signal }), api.departments(org.id, { signal })]),
    ([m, d]) => {
      setMedia(m.media);
      setDepartments(d.departments);
    },
    [org.id],
    { onError: (error) => setError(error) },
  );
  const choices = departmentChoices(org, departments);
  const mayChange = (m: MediaAsset) =>
    m.departmentId === null
      ? choices.orgWide
      : choices.orgWide || choices.departments.some((d) => d.id === m.departmentId);
  const departmentName = (id: string | null) =>
    departments.find((d) => d.id === id)?.name ?? t("media.wholeOrganisation");
  const action = useAction(reload);
  const { setError } = action;

  async function uploadFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return;
    const ok = await action.run(async () => {
      await publishingApi.uploadMedia(org.id, file, {
        altText: String(data.get("altText") ?? ""),
        rightsHolder: String(data.get("rightsHolder") ?? ""),
        consent: String(data.get("consent") ?? "not_needed"),
        departmentId: String(data.get("departmentId") ?? ""),
      });
      return t("media.uploaded", { name: file.name });
    });
    if (ok) form.reset();
  }

  async function save(event: FormEvent<HTMLFormElement>, asset: MediaAsset) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await action.run(async () => {
      await publishingApi.updateMedia(org.id, asset.id, {
        altText: String(data.get("altText") ?? "") || null,
        hasCaptions: data.get("hasCaptions") === "on",
        hasTranscript: data.get("hasTranscript") === "on",
        rightsHolder: String(data.get("rightsHolder") ?? ""),
        licence: String(data.get("licence") ?? ""),
        consent: String(data.get("consent")) as MediaAsset["consent"],
        consentNote: String(data.get("consentNote") ?? ""),
      });
      return t("media.saved", { name: asset.fileName });
    });
  }

  const consentSelect = (id: string, value: string) => (
    <div className="field">
      <label htmlFor={id}>{t("media.consent")}</label>
      <select id={id} name="consent" defaultValue={value}>
        {CONSENT.map((c) => (
          <option key={c} value={c}>
            {t(`media.consentState.${c}`)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("media.title")} id="page-heading" />
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      <form className="card" aria-labelledby="upload-title" onSubmit={(e) => void uploadFile(e)}>
        <h2 id="upload-title">{t("media.uploadTitle")}</h2>
        <Field
          id="upload-file"
          label={t("media.file")}
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,video/webm"
          required
          hint={t("media.fileHint")}
        />
        <div className="field">
          <label htmlFor="upload-alt">{t("media.altText")}</label>
          <textarea id="upload-alt" name="altText" rows={2} aria-describedby="upload-alt-hint" />
          <p id="upload-alt-hint" className="hint">
            {t("media.altHint")}
          </p>
        </div>
        <Field id="upload-rights" label={t("media.rightsHolder")} name="rightsHolder" />
        {consentSelect("upload-consent", "not_needed")}
        <div className="field">
          <label htmlFor="upload-department">{t("media.department")}</label>
          <select
            id="upload-department"
            name="departmentId"
            key={choices.initial ?? ""}
            defaultValue={choices.initial ?? ""}
          >
            {choices.orgWide && <option value="">{t("media.wholeOrganisation")}</option>}
            {choices.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("media.upload")}</button>
      </form>
      {media.length === 0 && <p>{t("media.empty")}</p>}
      {media.map((m) => (
        <form key={m.id} className="card media-card" aria-label={m.fileName} onSubmit={(e) => void save(e, m)}>
          <h2>{m.fileName}</h2>
          {m.kind === "image" ? (
            <img src={publishingApi.thumbnailUrl(org.id, m.id)} alt={m.altText ?? ""} width={160} />
          ) : (
            <p>{t("media.video")}</p>
          )}
          <p className="muted">
            {m.mimeType} · {Math.round(m.byteSize / 1024)} kB{m.width ? ` · ${m.width}×${m.height}` : ""} ·{" "}
            {departmentName(m.departmentId)}
          </p>
          {!mayChange(m) && <p className="hint">{t("media.readOnly")}</p>}
          {m.needsAltText && <p className="message message-error">{t("media.altMissingLong")}</p>}
          {m.needsCaptions && <p className="message message-error">{t("media.captionsMissingLong")}</p>}
          <fieldset className="plain" disabled={!mayChange(m)}>
            <div className="field">
              <label htmlFor={`alt-${m.id}`}>{t("media.altText")}</label>
              <textarea id={`alt-${m.id}`} name="altText" rows={2} defaultValue={m.altText ?? ""} />
            </div>
            {m.kind === "video" && (
              <>
                <label className="check">
                  <input type="checkbox" name="hasCaptions" defaultChecked={m.hasCaptions} /> {t("media.hasCaptions")}
                </label>
                <label className="check">
                  <input type="checkbox" name="hasTranscript" defaultChecked={m.hasTranscript} />{" "}
                  {t("media.hasTranscript")}
                </label>
              </>
            )}
            <Field
              id={`rights-${m.id}`}
              label={t("media.rightsHolder")}
              name="rightsHolder"
              defaultValue={m.rightsHolder}
            />
            <Field id={`licence-${m.id}`} label={t("media.licence")} name="licence" defaultValue={m.licence} />
            {consentSelect(`consent-${m.id}`, m.consent)}
            <Field id={`note-${m.id}`} label={t("media.consentNote")} name="consentNote" defaultValue={m.consentNote} />
            <button type="submit">{t("media.save")}</button>
          </fieldset>
        </form>
      ))}
    </section>
  );
}
