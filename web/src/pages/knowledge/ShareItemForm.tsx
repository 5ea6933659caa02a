// Sharing an item in a collection: a published article, a Textbaustein, a campaign as a template, or the
// Netiquette or guideline in force. Shared
// again, a changed item becomes the next version (those who adopted it are told); an unchanged one is
// confirmed as checked. When the check finds personal data, the findings are listed and the person may
// remove them or share anyway with a reason (kept with the version and in the audit trail).
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { knowledgeApi } from "../../api/knowledge";
import { inboxApi } from "../../api/inbox";
import { publishingApi } from "../../api/publishing";
import { SHARED_ITEM_KIND_ORDER, type SharedItemKind, sharingApi } from "../../api/sharing";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage } from "../../components/ErrorMessage";
import { NamedOptions } from "../../components/NamedOptions";
import { useOrg } from "../../components/OrgLayout";

interface Finding {
  kind: "email" | "phone" | "name";
  text: string;
}

function findingsOf(error: unknown): Finding[] | null {
  if (!(error instanceof ApiError) || error.code !== "DRAHT_ERR_PERSONAL_DATA_FOUND") return null;
  const findings = error.details?.findings;
  return Array.isArray(findings) ? (findings as Finding[]) : [];
}

export function ShareItemForm({ collectionId, onShared }: { collectionId: string; onShared(notice: string): void }) {
  const { t } = useTranslation();
  const org = useOrg();
  const [kind, setKind] = useState<SharedItemKind>("article");
  const [sourceId, setSourceId] = useState("");
  const [sources, setSources] = useState<{
    article: { id: string; name: string }[];
    template: { id: string; name: string }[];
    campaign: { id: string; name: string }[];
  }>({
    article: [],
    template: [],
    campaign: [],
  });
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  useLoad(
    async (signal) => {
      const [articles, templates, campaigns] = await Promise.all([
        knowledgeApi.list(org.id, { status: "published" }, { signal }),
        inboxApi.templates(org.id, { signal }),
        // Campaigns are listed for those who may see them; others share the rest.
        org.myActions.includes("campaign.manage")
          ? publishingApi.campaigns(org.id, { signal })
          : Promise.resolve({ campaigns: [] }),
      ]);
      return {
        article: articles.articles.map((a) => ({ id: a.id, name: a.title })),
        template: templates.templates.map((tpl) => ({ id: tpl.id, name: tpl.title })),
        campaign: campaigns.campaigns.map((c) => ({ id: c.id, name: `${c.name} (${c.hashtag})` })),
      };
    },
    setSources,
    [org.id],
    { onError: setError },
  );
  const findings = findingsOf(error);
  // The Netiquette and the guideline are shared as the ones in force; articles and templates are chosen.
  const inForce = kind === "netiquette" || kind === "guideline";
  const choices = inForce ? [] : sources[kind];
  const chosen = inForce ? undefined : sourceId || choices[0]?.id;

  async function share(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await sharingApi.share(org.id, collectionId, {
        kind,
        ...(chosen ? { sourceId: chosen } : {}),
        ...(findings && reason.trim() ? { personalDataOverride: reason.trim() } : {}),
      });
      setError(null);
      setReason("");
      onShared(result.changed ? t("sharing.shared", { version: result.version }) : t("sharing.confirmed"));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={share} className="card wide" aria-labelledby="share-item-heading">
      <h2 id="share-item-heading">{t("sharing.shareItem")}</h2>
      <p className="hint">{t("sharing.shareItemHint")}</p>
      <label className="field">
        <span>{t("sharing.fields.kind")}</span>
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as SharedItemKind);
            setSourceId("");
            setError(null);
          }}
        >
          {SHARED_ITEM_KIND_ORDER.map((k) => (
            <option key={k} value={k}>
              {t(`sharing.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {inForce ? (
        <p>{t(`sharing.inForce.${kind}`)}</p>
      ) : choices.length === 0 ? (
        <p>
          {t(
            kind === "article"
              ? "sharing.noPublishedArticles"
              : kind === "campaign"
                ? "sharing.noCampaigns"
                : "sharing.noTemplates",
          )}
        </p>
      ) : (
        <label className="field">
          <span>
            {t("sharing.fields.item")}
            {kind === "article" ? <span className="hint"> {t("sharing.onlyPublished")}</span> : null}
          </span>
          <select
            value={chosen ?? ""}
            onChange={(e) => {
              setSourceId(e.target.value);
              setError(null);
            }}
          >
            <NamedOptions items={choices} />
          </select>
        </label>
      )}
      {findings ? (
        <div className="message message-error" role="alert">
          <p>{t("sharing.personalData.found")}</p>
          <ul>
            {findings.map((f, i) => (
              <li key={i}>
                {t(`sharing.personalData.${f.kind}`)}: <q>{f.text}</q>
              </li>
            ))}
          </ul>
          <p>{t("sharing.personalData.what")}</p>
        </div>
      ) : (
        <ErrorMessage error={error} />
      )}
      {findings ? (
        <div className="field">
          <label htmlFor="share-override">{t("sharing.personalData.reason")}</label>
          <textarea
            id="share-override"
            rows={2}
            minLength={10}
            maxLength={500}
            value={reason}
            aria-describedby="share-override-hint"
            onChange={(e) => setReason(e.target.value)}
          />
          <p id="share-override-hint" className="hint">
            {t("sharing.personalData.reasonHint")}
          </p>
        </div>
      ) : null}
      <button type="submit" disabled={busy || (!inForce && !chosen)}>
        {findings && reason.trim() ? t("sharing.shareAnyway") : t("sharing.share")}
      </button>
    </form>
  );
}
