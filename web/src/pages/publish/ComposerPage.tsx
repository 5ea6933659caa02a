// The composer: one text for several channel accounts (overridable per account), optionally a thread
// of further posts, who may reply, live character counts as each network counts, the guideline check
// while typing, autosave, and submission.
// A post that can no longer be edited opens in the review view instead.
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { api } from "../../api/client";
import type { Department } from "../../api/types";
import {
  type Campaign,
  type ChannelAccount,
  type Finding,
  type PostInput,
  type PostView,
  type ReplyPolicy,
  publishingApi,
} from "../../api/publishing";
import { type DepartmentChoices, choiceOr, departmentChoices } from "../../components/departmentChoices";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { FindingsList } from "./FindingsList";
import { MediaPicker } from "./MediaPicker";
import { PollEditor } from "./PollEditor";
import { ThreadEditor } from "./ThreadEditor";
import { PostReview } from "./PostReview";
import { useComposer } from "./useComposer";
import { formatLocale } from "../../i18n";
import { useLoad } from "../../api/useLoad";
import { useDates } from "../../components/formatDates";
import { DateTimeField } from "../../components/DateTimeFields";
import { Loading } from "../../components/LoadState";

export function ComposerPage() {
  const { postId } = useParams();
  const org = useOrg();
  const [view, setView] = useState<PostView | null>(null);
  const [channels, setChannels] = useState<ChannelAccount[] | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [guideline, setGuideline] = useState<GuidelineInForce | null>(null);
  const [search] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  // A post the composer created itself keeps the same composer (and what was typed since) after the URL changes.
  const createdHere = useRef<string | null>(null);
  const navigate = useNavigate();
  const onCreated = useCallback(
    (id: string) => {
      createdHere.current = id;
      navigate(`/o/${org.id}/publish/${id}`, { replace: true });
    },
    [navigate, org.id],
  );
  // The post as it is now; not reloaded for a post this composer created (it holds what was typed since).
  const reloadPost = useLoad(
    (signal) => (postId ? publishingApi.post(org.id, postId, { signal }) : Promise.resolve(null)),
    (next) => {
      if (next) setView(next);
    },
    [org.id, postId],
    { enabled: postId !== undefined && postId !== createdHere.current, onError: setError },
  );
  const onSubmitted = useCallback(
    async (id: string) => {
      createdHere.current = null;
      await reloadPost();
      navigate(`/o/${org.id}/publish/${id}?submitted=1`, { replace: true });
    },
    [navigate, org.id, reloadPost],
  );

  useEffect(() => setError(null), [org.id]);
  useLoad(
    (signal) =>
      Promise.all([
        publishingApi.channels(org.id, { signal }),
        api.departments(org.id, { signal }),
        publishingApi.campaigns(org.id, { signal }),
        publishingApi.guidelines(org.id, { signal }),
      ]),
    ([c, d, k, g]) => {
      setChannels(c.channels.filter((a) => !a.disabledAt));
      setDepartments(d.departments);
      setCampaigns(k.campaigns);
      const active = g.versions.find((v) => v.id === g.activeId);
      setGuideline(active ? { version: active.version, acknowledged: g.acknowledged } : null);
    },
    [org.id],
    { onError: setError },
  );

  if (error) return <ErrorMessage error={error} />;
  const ownNew = postId !== undefined && postId === createdHere.current;
  if (!channels || (postId && !view && !ownNew)) return <Loading />;
  if (view && !view.can.edit) return <PostReview view={view} reload={reloadPost} />;
  const campaign = campaigns.find((c) => c.id === search.get("campaign"));
  const fromTemplate = !postId && campaign ? { campaign, templateId: search.get("template") ?? "" } : null;
  return (
    <Composer
      key={ownNew ? "new" : (view?.post.id ?? "new")}
      view={ownNew ? null : view}
      channels={channels}
      departments={departments}
      campaigns={campaigns}
      guideline={guideline}
      fromTemplate={fromTemplate}
      onCreated={onCreated}
      onSubmitted={onSubmitted}
    />
  );
}

function initialInput(
  view: PostView | null,
  fromTemplate: { campaign: Campaign; templateId: string } | null,
  choices: DepartmentChoices,
): PostInput {
  if (!view) {
    const template = fromTemplate?.campaign.templates.find((t) => t.id === fromTemplate.templateId);
    return {
      title: template?.title ?? "",
      body: template?.text ?? "",
      departmentId: choiceOr(choices, fromTemplate?.campaign.departmentId ?? null),
      scheduledAt: null,
      channels: [],
      campaignId: fromTemplate?.campaign.id ?? null,
      templateId: template?.id ?? null,
      mediaIds: [],
      poll: null,
      contentWarning: "",
      threadParts: [],
      replyPolicy: "everyone",
    };
  }
  const { post } = view;
  return {
    title: post.title,
    body: post.body,
    departmentId: post.departmentId,
    scheduledAt: post.scheduledAt,
    channels: view.channels.map((c) => ({ channelAccountId: c.channelAccountId, textOverride: c.textOverride })),
    campaignId: post.campaignId,
    templateId: post.templateId,
    mediaIds: view.media.map((m) => m.id),
    poll: post.poll,
    contentWarning: post.contentWarning ?? "",
    threadParts: post.threadParts ?? [],
    replyPolicy: post.replyPolicy ?? "everyone",
  };
}

/** The guideline in force when the composer opened, and whether this person has acknowledged it. */
interface GuidelineInForce {
  version: number;
  acknowledged: boolean;
}

function Composer({
  view,
  channels,
  departments,
  campaigns,
  guideline,
  fromTemplate,
  onCreated,
  onSubmitted,
}: {
  view: PostView | null;
  channels: ChannelAccount[];
  departments: Department[];
  campaigns: Campaign[];
  guideline: GuidelineInForce | null;
  fromTemplate: { campaign: Campaign; templateId: string } | null;
  onCreated: (id: string) => void;
  onSubmitted: (id: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const locale = formatLocale(i18n.language);
  const org = useOrg();
  const choices = departmentChoices(org, departments);
  const { input, update, check, save, flush, post } = useComposer(
    org.id,
    { post: view?.post ?? null, input: initialInput(view, fromTemplate, choices) },
    onCreated,
  );
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const composer = useRef<HTMLElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const selected = (id: string) => input.channels.find((c) => c.channelAccountId === id);
  const nameOf = (id: string) => channels.find((c) => c.id === id)?.name ?? "";

  function toggleChannel(id: string, on: boolean) {
    update({
      channels: on
        ? [...input.channels, { channelAccountId: id, textOverride: null }]
        : input.channels.filter((c) => c.channelAccountId !== id),
    });
  }
  function setOverride(id: string, text: string | null) {
    update({ channels: input.channels.map((c) => (c.channelAccountId === id ? { ...c, textOverride: text } : c)) });
  }
  function show(finding: Finding) {
    if (finding.part) {
      const part = document.querySelector<HTMLTextAreaElement>(`#thread-part-${finding.part - 1}`);
      part?.focus();
      part?.setSelectionRange(finding.start ?? 0, finding.end ?? 0);
      return;
    }
    const override = selected(finding.channelAccountIds[0] ?? "")?.textOverride;
    const target =
      override == null
        ? textArea.current
        : document.querySelector<HTMLTextAreaElement>(`#override-${finding.channelAccountIds[0]}`);
    target?.focus();
    target?.setSelectionRange(finding.start ?? 0, finding.end ?? 0);
  }
  async function submit() {
    // A date or time typed wrong or half (a day without its time) is not sent as "no time" or the one before:
    // the first such field is named and nothing is submitted.
    const invalid = composer.current?.querySelector<HTMLInputElement>("input:invalid");
    if (invalid) {
      invalid.focus();
      invalid.reportValidity();
      return;
    }
    setSubmitError(null);
    setSubmitting(true);
    try {
      await flush();
      const id = post.current.id;
      if (!id) throw new Error("not saved");
      await publishingApi.submit(org.id, id, post.current.revision);
      await onSubmitted(id);
    } catch (failure) {
      setSubmitError(failure);
    } finally {
      setSubmitting(false);
    }
  }

  const blockers = check?.blockers ?? 0;
  return (
    <section aria-labelledby="page-heading" ref={composer}>
      <PageHeading title={view ? t("composer.editTitle") : t("composer.newTitle")} id="page-heading" />
      {view?.post.status === "changes_requested" && <ChangesRequested view={view} />}
      <p role="status" className="muted" aria-live="polite">
        {save.kind === "saving" && t("composer.saving")}
        {save.kind === "saved" &&
          t("composer.saved", {
            time: dates.format(save.at, "timeSeconds"),
          })}
      </p>
      {save.kind === "error" && <ErrorMessage error={save.error} />}
      <div className="composer">
        <div className="composer-main">
          <div className="field">
            <label htmlFor="post-title">{t("composer.title")}</label>
            <input
              id="post-title"
              value={input.title}
              maxLength={200}
              onChange={(e) => update({ title: e.target.value })}
              aria-describedby="post-title-hint"
            />
            <p id="post-title-hint" className="hint">
              {t("composer.titleHint")}
            </p>
          </div>
          <div className="field">
            <label htmlFor="post-body">{t("composer.body")}</label>
            <textarea
              id="post-body"
              ref={textArea}
              rows={8}
              value={input.body}
              onChange={(e) => update({ body: e.target.value })}
            />
          </div>
          <ThreadEditor
            parts={input.threadParts}
            onChange={(threadParts) => update({ threadParts })}
            counts={check?.counts}
            channelName={nameOf}
          />
          <Field
            id="post-content-warning"
            label={t("composer.contentWarning")}
            hint={t("composer.contentWarningHint")}
            maxLength={500}
            value={input.contentWarning}
            onChange={(e) => update({ contentWarning: e.target.value })}
          />
          <fieldset>
            <legend>{t("composer.channels")}</legend>
            {channels.length === 0 && <p>{t("composer.noChannels")}</p>}
            {channels.map((c) => {
              const chosen = selected(c.id);
              const count = check?.counts[c.id];
              return (
                <div key={c.id} className="channel-choice">
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={Boolean(chosen)}
                      onChange={(e) => toggleChannel(c.id, e.target.checked)}
                    />
                    {c.name} <span className="muted">({t(`networks.${c.emulates ?? c.network}`)})</span>
                  </label>
                  {chosen && count && (
                    // In a thread: the first post's count here, the others' at their fields.
                    <span className={(count.parts?.[0] ?? count.used) > count.limit ? "count count-over" : "count"}>
                      {t("composer.count", {
                        used: (count.parts?.[0] ?? count.used).toLocaleString(locale),
                        limit: count.limit.toLocaleString(locale),
                      })}
                    </span>
                  )}
                  {chosen && (
                    <div className="indent">
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={chosen.textOverride !== null}
                          onChange={(e) => setOverride(c.id, e.target.checked ? input.body : null)}
                        />
                        {t("composer.ownText")}
                      </label>
                      {chosen.textOverride !== null && (
                        <>
                          <label htmlFor={`override-${c.id}`} className="visually-hidden">
                            {t("composer.ownTextFor", { name: c.name })}
                          </label>
                          <textarea
                            id={`override-${c.id}`}
                            rows={4}
                            value={chosen.textOverride}
                            onChange={(e) => setOverride(c.id, e.target.value)}
                          />
                        </>
                      )}
                    </div>
                  )}
                </div>
              );
            })}
          </fieldset>
          <MediaPicker selected={input.mediaIds} onChange={(mediaIds) => update({ mediaIds })} />
          <PollEditor poll={input.poll} onChange={(poll) => update({ poll })} />
          <div className="field">
            <label htmlFor="post-reply-policy">{t("composer.replyPolicy")}</label>
            <select
              id="post-reply-policy"
              value={input.replyPolicy}
              onChange={(e) => update({ replyPolicy: e.target.value as ReplyPolicy })}
              aria-describedby="post-reply-policy-hint"
            >
              {(["everyone", "mentioned", "following", "followers", "nobody"] as const).map((policy) => (
                <option key={policy} value={policy}>
                  {t(`composer.replyPolicies.${policy}`)}
                </option>
              ))}
            </select>
            <p id="post-reply-policy-hint" className="hint">
              {t("composer.replyPolicyHint")}
            </p>
          </div>
          <div className="field">
            <label htmlFor="post-department">{t("composer.department")}</label>
            <select
              id="post-department"
              value={input.departmentId ?? ""}
              onChange={(e) => update({ departmentId: e.target.value || null })}
            >
              {choices.orgWide && <option value="">{t("composer.noDepartment")}</option>}
              {choices.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          {campaigns.length > 0 && (
            <div className="field">
              <label htmlFor="post-campaign">{t("composer.campaign")}</label>
              <select
                id="post-campaign"
                value={input.campaignId ?? ""}
                onChange={(e) => update({ campaignId: e.target.value || null, templateId: null })}
                aria-describedby="post-campaign-hint"
              >
                <option value="">{t("composer.noCampaign")}</option>
                {campaigns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.hashtag})
                  </option>
                ))}
              </select>
              <p id="post-campaign-hint" className="hint">
                {input.templateId ? t("composer.fromTemplate") : t("composer.campaignHint")}
              </p>
            </div>
          )}
          <DateTimeField
            id="post-time"
            label={t("composer.scheduledAt")}
            value={dates.toInput(input.scheduledAt)}
            onChange={(value) => update({ scheduledAt: dates.fromInput(value) })}
            hint={t("composer.scheduledAtHint")}
          />
        </div>
        <aside className="composer-side" aria-labelledby="check-heading">
          <h2 id="check-heading">{t("composer.checkTitle")}</h2>
          <p className="muted">
            {check?.guideline
              ? t("composer.checkedAgainst", { version: check.guideline.version })
              : check === null && guideline
                ? t("composer.inForce", { version: guideline.version })
                : t("composer.noGuideline")}
          </p>
          {guideline && !guideline.acknowledged && (
            <p className="hint">
              {t("composer.notAcknowledged")} <Link to={`/o/${org.id}/guidelines`}>{t("composer.readGuideline")}</Link>
            </p>
          )}
          <div aria-live="polite">
            {check && <FindingsList findings={check.findings} channelName={nameOf} onShow={show} />}
          </div>
        </aside>
      </div>
      <ErrorMessage error={submitError} />
      <button
        type="button"
        onClick={() => void submit()}
        disabled={submitting || blockers > 0 || input.channels.length === 0}
      >
        {t("composer.submit")}
      </button>
      {blockers > 0 && <p className="hint">{t("composer.fixBlockers", { count: blockers })}</p>}
      <p>
        <Link to={`/o/${org.id}/guidelines`}>{t("composer.readGuideline")}</Link>
      </p>
    </section>
  );
}

function ChangesRequested({ view }: { view: PostView }) {
  const { t } = useTranslation();
  const last = [...view.approvals].reverse().find((a) => a.decision === "changes_requested");
  return (
    <div className="message message-error" role="note">
      {t("composer.changesRequested")} {last && <q>{last.comment}</q>}
    </div>
  );
}
