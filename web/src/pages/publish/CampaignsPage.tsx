// Kampagnen: the organisation's campaigns, and a form to plan a new one with its window, hashtag,
// participants and pre-approved templates (for people who manage campaigns).
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client";
import { type Campaign, publishingApi } from "../../api/publishing";
import type { Member } from "../../api/types";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { useLoad } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";
import { DateTimeField } from "../../components/DateTimeFields";

export function CampaignsPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const org = useOrg();
  const canManage = org.myActions.includes("campaign.manage");
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [templates, setTemplates] = useState([{ title: "", text: "" }]);
  const reload = useLoad(
    (signal) => publishingApi.campaigns(org.id, { signal }),
    (r) => setCampaigns(r.campaigns),
    [org.id],
    { onError: (error) => setError(error) },
  );
  const action = useAction(reload);
  const { setError } = action;
  useLoad(
    (signal) => api.members(org.id, { signal }),
    (r) => setMembers(r.members),
    [org.id],
    {
      enabled: canManage && org.myActions.includes("member.view"),
      onError: (error) => setError(error),
    },
  );

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get("name"));
    const ok = await action.run(async () => {
      await publishingApi.createCampaign(org.id, {
        name,
        hashtag: String(data.get("hashtag")),
        startsAt: dates.fromInput(String(data.get("startsAt"))) ?? "",
        endsAt: dates.fromInput(String(data.get("endsAt"))) ?? "",
        participantIds: data.getAll("participants").map(String),
        templates: templates
          .filter((tpl) => tpl.text.trim())
          .map((tpl, i) => ({
            id: `vorlage-${i + 1}`,
            title: tpl.title.trim() || `${t("campaigns.template")} ${i + 1}`,
            text: tpl.text,
          })),
      });
      return t("campaigns.created", { name });
    });
    if (ok) {
      form.reset();
      setTemplates([{ title: "", text: "" }]);
    }
  }

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("campaigns.title")} id="page-heading" />
      <Notice text={action.notice} />
      <ErrorMessage error={action.error} />
      {campaigns.length === 0 ? (
        <p>{t("campaigns.none")}</p>
      ) : (
        <table>
          <caption>{t("campaigns.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("campaigns.name")}</th>
              <th scope="col">{t("campaigns.hashtag")}</th>
              <th scope="col">{t("campaigns.window")}</th>
              <th scope="col">{t("campaigns.participants")}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/o/${org.id}/publish/campaigns/${c.id}`}>{c.name}</Link>
                </th>
                <td>{c.hashtag}</td>
                <td>
                  {dates.format(c.startsAt)} – {dates.format(c.endsAt)}
                </td>
                <td>{c.participantIds.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && (
        <form className="card" aria-labelledby="new-campaign" onSubmit={(e) => void create(e)}>
          <h2 id="new-campaign">{t("campaigns.new")}</h2>
          <Field id="campaign-name" label={t("campaigns.name")} name="name" required minLength={2} maxLength={120} />
          <Field
            id="campaign-hashtag"
            label={t("campaigns.hashtag")}
            name="hashtag"
            required
            pattern="#[\p{L}\p{N}_]+"
            placeholder="#24hPolizei"
          />
          <DateTimeField id="campaign-start" label={t("campaigns.startsAt")} name="startsAt" required />
          <DateTimeField id="campaign-end" label={t("campaigns.endsAt")} name="endsAt" required />
          {members.length > 0 && (
            <fieldset>
              <legend>{t("campaigns.participants")}</legend>
              {members.map((m) => (
                <label key={m.userId} className="check">
                  <input type="checkbox" name="participants" value={m.userId} /> {m.name}
                </label>
              ))}
            </fieldset>
          )}
          <fieldset>
            <legend>{t("campaigns.templates")}</legend>
            <p className="hint">{t("campaigns.templatesHint")}</p>
            {templates.map((tpl, i) => (
              <div key={i} className="template-fields">
                <Field
                  id={`template-title-${i}`}
                  label={t("campaigns.templateTitle", { n: i + 1 })}
                  value={tpl.title}
                  onChange={(e) =>
                    setTemplates(templates.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))
                  }
                />
                <div className="field">
                  <label htmlFor={`template-text-${i}`}>{t("campaigns.templateText", { n: i + 1 })}</label>
                  <textarea
                    id={`template-text-${i}`}
                    rows={3}
                    value={tpl.text}
                    onChange={(e) =>
                      setTemplates(templates.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))
                    }
                  />
                </div>
              </div>
            ))}
            <button type="button" onClick={() => setTemplates([...templates, { title: "", text: "" }])}>
              {t("campaigns.addTemplate")}
            </button>
          </fieldset>
          <button type="submit">{t("campaigns.create")}</button>
        </form>
      )}
    </section>
  );
}
