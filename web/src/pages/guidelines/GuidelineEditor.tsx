// Writing a new guideline version: the readable document and the machine-checked rules, its owner and
// the date by which it must be reviewed. Starts from the version in force; takes effect when activated.
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Body } from "../../api/client";
import type { Guideline } from "../../api/publishing";
import type { Member } from "../../api/types";
import { DateField } from "../../components/DateTimeFields";
import { Field } from "../../components/Field";
import { oneOf } from "../../components/formValues";

export type GuidelineInput = Body<"POST /api/orgs/:orgId/guidelines">;
const SEVERITIES = ["blocker", "warning"] as const;

const lines = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/\n|,/)
    .map((l) => l.trim())
    .filter(Boolean);

export function GuidelineEditor({
  base,
  members,
  onSubmit,
}: {
  base: Guideline | null;
  members: Member[];
  onSubmit(input: GuidelineInput): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const rules: Partial<Guideline["rules"]> = base?.rules ?? {};
  const inHalfAYear = new Date(Date.now() + 182 * 86_400_000).toISOString().slice(0, 10);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const address = String(form.get("addressForm"));
    const minScore = String(form.get("minScore")).trim();
    const maxLength = String(form.get("maxLength")).trim();
    const hashtags = lines(form.get("hashtags"));
    const signature = String(form.get("signature")).trim();
    const domains = lines(form.get("domains")).map((d) => d.toLowerCase());
    await onSubmit({
      title: String(form.get("title")),
      document: String(form.get("document")),
      reviewBy: String(form.get("reviewBy")),
      ownerUserId: String(form.get("ownerUserId")) || null,
      rules: {
        addressForm: address
          ? {
              required: oneOf(["formal", "informal"], address, "formal"),
              severity: "blocker",
              reason: String(form.get("addressReason")),
            }
          : null,
        forbiddenTerms: lines(form.get("forbidden")).map((term) => ({
          term,
          severity: oneOf(SEVERITIES, form.get("forbiddenSeverity"), "blocker"),
          reason: String(form.get("forbiddenReason")),
        })),
        allowedLinkDomains: domains.length
          ? { domains, severity: "blocker", reason: rules.allowedLinkDomains?.reason ?? "" }
          : null,
        readability: minScore
          ? {
              minScore: Number(minScore),
              minWords: rules.readability?.minWords ?? 12,
              severity: "warning",
              reason: rules.readability?.reason ?? "",
            }
          : null,
        requiredHashtags: hashtags.length
          ? [{ channelAccountIds: null, hashtags, severity: "warning", reason: "" }]
          : [],
        requiredSignature: signature
          ? [{ channelAccountIds: null, text: signature, severity: "warning", reason: "" }]
          : [],
        maxLength: maxLength ? { chars: Number(maxLength), severity: "warning", reason: "" } : null,
      },
    });
  }

  return (
    <form className="card wide" aria-labelledby="new-version" onSubmit={(e) => void submit(e)}>
      <h2 id="new-version">{t("guidelines.editor.title")}</h2>
      <p className="hint">{t("guidelines.editor.intro")}</p>
      <Field
        id="gl-title"
        label={t("guidelines.title")}
        name="title"
        required
        minLength={2}
        defaultValue={base?.title ?? t("guidelines.editor.defaultTitle")}
      />
      <div className="field">
        <label htmlFor="gl-document">{t("guidelines.document")}</label>
        <textarea id="gl-document" name="document" rows={10} defaultValue={base?.document ?? ""} />
      </div>
      <DateField id="gl-review" label={t("guidelines.reviewBy")} name="reviewBy" required defaultValue={inHalfAYear} />
      <div className="field">
        <label htmlFor="gl-owner">{t("guidelines.editor.owner")}</label>
        <select id="gl-owner" name="ownerUserId" defaultValue={base?.ownerUserId ?? ""}>
          <option value="">{t("channels.nobody")}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t("guidelines.rulesTitle")}</legend>
        <div className="field">
          <label htmlFor="gl-address">{t("guidelines.editor.addressForm")}</label>
          <select id="gl-address" name="addressForm" defaultValue={rules.addressForm?.required ?? ""}>
            <option value="">{t("guidelines.editor.noRule")}</option>
            <option value="formal">{t("guidelines.rule.address.formal")}</option>
            <option value="informal">{t("guidelines.rule.address.informal")}</option>
          </select>
        </div>
        <Field
          id="gl-address-reason"
          label={t("guidelines.editor.reason")}
          name="addressReason"
          defaultValue={rules.addressForm?.reason ?? ""}
        />
        <div className="field">
          <label htmlFor="gl-forbidden">{t("guidelines.editor.forbidden")}</label>
          <textarea
            id="gl-forbidden"
            name="forbidden"
            rows={3}
            defaultValue={(rules.forbiddenTerms ?? []).map((f) => f.term).join("\n")}
            aria-describedby="gl-lines-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="gl-forbidden-severity">{t("guidelines.editor.severity")}</label>
          <select
            id="gl-forbidden-severity"
            name="forbiddenSeverity"
            defaultValue={rules.forbiddenTerms?.[0]?.severity ?? "blocker"}
          >
            <option value="blocker">{t("findings.severity.blocker")}</option>
            <option value="warning">{t("findings.severity.warning")}</option>
          </select>
        </div>
        <Field
          id="gl-forbidden-reason"
          label={t("guidelines.editor.reason")}
          name="forbiddenReason"
          defaultValue={rules.forbiddenTerms?.[0]?.reason ?? ""}
        />
        <div className="field">
          <label htmlFor="gl-domains">{t("guidelines.editor.domains")}</label>
          <textarea
            id="gl-domains"
            name="domains"
            rows={3}
            defaultValue={(rules.allowedLinkDomains?.domains ?? []).join("\n")}
            aria-describedby="gl-lines-hint"
          />
          <p id="gl-lines-hint" className="hint">
            {t("guidelines.editor.linesHint")}
          </p>
        </div>
        <Field
          id="gl-hashtags"
          label={t("guidelines.editor.hashtags")}
          name="hashtags"
          defaultValue={(rules.requiredHashtags?.[0]?.hashtags ?? []).join(", ")}
        />
        <Field
          id="gl-signature"
          label={t("guidelines.editor.signature")}
          name="signature"
          defaultValue={rules.requiredSignature?.[0]?.text ?? ""}
        />
        <Field
          id="gl-readability"
          label={t("guidelines.editor.readability")}
          name="minScore"
          type="number"
          min={0}
          max={100}
          defaultValue={rules.readability?.minScore}
        />
        <Field
          id="gl-max-length"
          label={t("guidelines.editor.maxLength")}
          name="maxLength"
          type="number"
          min={1}
          defaultValue={rules.maxLength?.chars}
        />
      </fieldset>
      <button type="submit">{t("guidelines.editor.save")}</button>
    </form>
  );
}
