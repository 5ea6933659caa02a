// Posteingang: every citizen message from every channel, as conversations, most pressing first. Filters
// live in the address; the list and the open conversation update live (SSE); the keyboard does
// everything: j/k move, Enter opens, r reply, a assign, e close, x select, ? help, Alt+1 … Alt+5 insert a
// Vorschlag (see Suggestions). Bulk actions apply to the selected rows; an assignment can be taken back.
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api/client";
import {
  type ConversationFilter,
  type ConversationSummary,
  type InboxNotification,
  type ReplyTemplate,
  inboxApi,
} from "../../api/inbox";
import { useLoad } from "../../api/useLoad";
import { addressNow } from "../../components/addressNow";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useSession } from "../../session";
import { NotAllowedPage } from "../NotAllowedPage";
import { ConversationList } from "./ConversationList";
import { type Colleague, ConversationView } from "./ConversationView";
import { FILTER_KEYS, InboxFilters } from "./InboxFilters";
import { Notifications } from "./Notifications";
import { useInboxKeys } from "./useInboxKeys";
import { type PresenceEvent, useInboxEvents } from "./useInboxEvents";
import { NamedOptions } from "../../components/NamedOptions";

export function InboxPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const { session } = useSession();
  const myUserId = session?.user.id ?? "";
  const [params, setParams] = useSearchParams();
  const filter = useMemo<ConversationFilter>(() => filterOf(params), [params]);
  const openId = params.get("c");
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const [rows, setRows] = useState<ConversationSummary[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The last bulk assignment, to be taken back with one click for a while.
  const [undo, setUndo] = useState<(() => Promise<unknown>) | null>(null);
  const helpRef = useRef<HTMLDetailsElement>(null);
  const undoTimer = useRef<number | undefined>(undefined);
  const [now, setNow] = useState(() => new Date());
  // Due times are the server's: the page keeps the server clock's offset, so a wrong PC clock does not matter.
  const clockOffset = useRef(0);
  const [refreshKey, setRefreshKey] = useState(0);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [departments, setDepartments] = useState<{ id: string; name: string }[]>([]);
  const [templates, setTemplates] = useState<ReplyTemplate[]>([]);
  const [presence, setPresence] = useState<Record<string, PresenceEvent & { at: number }>>({});
  const [notifications, setNotifications] = useState<InboxNotification[]>([]);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const assignRef = useRef<HTMLSelectElement>(null);
  const reloadTimer = useRef<number | undefined>(undefined);
  const allowed = org.myActions.includes("inbox.view");

  const reload = useLoad(
    (signal) =>
      Promise.all([
        inboxApi.list(org.id, { ...filter, offset }, { signal }),
        inboxApi.notifications(org.id, { signal }).catch(() => null),
      ]),
    ([page, unread]) => {
      setRows(page.conversations);
      setHasMore(page.hasMore);
      if (unread) setNotifications(unread.notifications);
      clockOffset.current = new Date(page.now).getTime() - Date.now();
      setNow(new Date(page.now));
    },
    [org.id, filter, offset],
    { enabled: allowed, onError: setError },
  );
  useLoad(
    (signal) =>
      Promise.all([
        inboxApi.colleagues(org.id, { signal }),
        api.departments(org.id, { signal }).catch(() => ({ departments: [] })),
        inboxApi.templates(org.id, { signal }).catch(() => ({ templates: [] })),
      ]),
    ([c, d, tpl]) => {
      setColleagues(c.colleagues);
      setDepartments(d.departments);
      setTemplates(tpl.templates);
    },
    [org.id],
    { enabled: allowed, onError: setError },
  );
  // Due times pass while the page is open: re-evaluate "overdue" every 20 seconds.
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date(Date.now() + clockOffset.current)), 20_000);
    return () => window.clearInterval(timer);
  }, []);

  useInboxEvents(org.id, {
    onChanged(ids) {
      window.clearTimeout(reloadTimer.current);
      reloadTimer.current = window.setTimeout(() => void reload(), 250);
      if (openId && (ids === null || ids.includes(openId))) setRefreshKey((k) => k + 1);
    },
    onPresence(event) {
      if (event.userId === myUserId) return;
      setPresence((p) => ({ ...p, [event.userId]: { ...event, at: Date.now() } }));
    },
  });

  const open = useCallback(
    (id: string) => {
      const next = addressNow();
      next.set("c", id);
      setParams(next, { replace: true });
    },
    [setParams],
  );

  useInboxKeys({
    rows,
    openId,
    open,
    focusReply: () => replyRef.current?.focus(),
    focusAssign: () => assignRef.current?.focus(),
    close: (id) => void closeConversations([id]),
    toggle: (id) => setChecked((s) => toggled(s, id, !s.has(id))),
    showHelp: () => {
      if (!helpRef.current) return;
      helpRef.current.open = true;
      helpRef.current.querySelector("summary")?.focus();
    },
  });

  /**
   * Runs a bulk action; `undoing` (if given) takes it back and is offered as "Rückgängig machen" for half a
   * minute or until the next action (later, colleagues may have changed the conversations since).
   */
  async function bulk(action: () => Promise<unknown>, message: string, undoing?: () => Promise<unknown>) {
    setError(null);
    setNotice(null);
    setUndo(null);
    try {
      await action();
      setNotice(message);
      if (undoing) {
        setUndo(() => undoing);
        window.clearTimeout(undoTimer.current);
        undoTimer.current = window.setTimeout(() => setUndo(null), UNDO_MS);
      }
      setChecked(new Set());
      await reload();
      setRefreshKey((k) => k + 1);
    } catch (failure) {
      setError(failure);
    }
  }

  // Closing is not offered for undoing: reopening would not bring back the due time and status closing cleared.
  function closeConversations(ids: string[]) {
    return bulk(() => inboxApi.status(org.id, ids, "closed"), t("inbox.closed"));
  }

  /** Gives each conversation back the assignee or department it had before a bulk assignment. */
  function restoreOf(ids: string[], field: "assigneeUserId" | "departmentId") {
    const before = new Map<string | null, string[]>();
    for (const row of rows.filter((r) => ids.includes(r.id)))
      before.set(row[field], [...(before.get(row[field]) ?? []), row.id]);
    return () =>
      Promise.all(
        [...before].map(([value, conversationIds]) => inboxApi.assign(org.id, { conversationIds, [field]: value })),
      );
  }

  if (!allowed) return <NotAllowedPage />;
  const channels = [
    ...new Map(rows.map((r) => [r.channelAccountId, { id: r.channelAccountId, name: r.channelName }])).values(),
  ];
  const selected = [...checked];
  // Announcements repeat every minute; one not repeated for 90 seconds is from a tab that has gone.
  const others = Object.values(presence).filter(
    (p) => p.conversationId === openId && p.state !== "left" && p.at > Date.now() - PRESENCE_TTL_MS,
  ) as {
    name: string;
    state: "viewing" | "replying";
  }[];
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={t("inbox.title")} id="page-heading" />
      <p>{t("inbox.intro")}</p>
      <p>
        <Link to={`/o/${org.id}/inbox/workload`}>{t("inbox.workloadLink")}</Link>
      </p>
      <KeyboardHelp detailsRef={helpRef} />
      <Notifications
        items={notifications}
        onOpen={open}
        onRead={(ids) =>
          void inboxApi
            .markRead(org.id, ids)
            .then(() => setNotifications((list) => list.filter((n) => !ids.includes(n.id))), setError)
        }
      />
      <Notice text={notice} />
      {undo ? (
        <p>
          <button type="button" onClick={() => void bulk(undo, t("inbox.undone"))}>
            {t("inbox.undo")}
          </button>
        </p>
      ) : null}
      <ErrorMessage error={error} />
      <InboxFilters
        filter={filter}
        onChange={(change) => {
          // Merged into the address as it is now (see addressNow); a changed filter starts at the first page.
          const now = addressNow();
          setParams(toParams({ ...filterOf(now), ...change, offset: undefined }, now.get("c")), { replace: true });
        }}
        channels={channels}
        departments={departments}
        colleagues={colleagues}
      />
      {selected.length > 0 && org.myActions.includes("inbox.reply") ? (
        <div
          className="inline-form bulk-bar"
          role="group"
          aria-label={t("inbox.bulk.label", { count: selected.length })}
        >
          <span>{t("inbox.bulk.label", { count: selected.length })}</span>
          <button
            type="button"
            onClick={() =>
              void bulk(
                () => inboxApi.assign(org.id, { conversationIds: selected, assigneeUserId: myUserId }),
                t("inbox.assigned"),
                restoreOf(selected, "assigneeUserId"),
              )
            }
          >
            {t("inbox.bulk.takeOver")}
          </button>
          <button type="button" onClick={() => void closeConversations(selected)}>
            {t("inbox.bulk.close")}
          </button>
          <label className="inline-field">
            <span>{t("inbox.bulk.department")}</span>
            <select
              value=""
              onChange={(e) =>
                e.target.value &&
                void bulk(
                  () => inboxApi.assign(org.id, { conversationIds: selected, departmentId: e.target.value }),
                  t("inbox.assigned"),
                  restoreOf(selected, "departmentId"),
                )
              }
            >
              <option value="">{t("inbox.bulk.choose")}</option>
              <NamedOptions items={departments} />
            </select>
          </label>
        </div>
      ) : null}
      <div className="inbox-layout">
        <div>
          <ConversationList
            rows={rows}
            openId={openId}
            checked={checked}
            now={now}
            onOpen={open}
            onCheck={(id, on) => setChecked((s) => toggled(s, id, on))}
          />
          <div className="inline-form">
            {offset > 0 ? (
              <button
                type="button"
                onClick={() => setParams(toParams({ ...filter, offset: Math.max(0, offset - PAGE) }, openId))}
              >
                {t("inbox.previous")}
              </button>
            ) : null}
            {hasMore ? (
              <button
                type="button"
                onClick={() => setParams(toParams({ ...filter, offset: offset + rows.length }, openId))}
              >
                {t("inbox.more")}
              </button>
            ) : null}
          </div>
        </div>
        {openId ? (
          <ConversationView
            key={openId}
            orgId={org.id}
            conversationId={openId}
            refreshKey={refreshKey}
            myUserId={myUserId}
            canReply={org.myActions.includes("inbox.reply")}
            canApprove={org.myActions.includes("post.approve")}
            colleagues={colleagues}
            departments={departments}
            templates={templates}
            others={others}
            replyRef={replyRef}
            assignRef={assignRef}
            onChanged={() => void reload()}
          />
        ) : (
          <p className="muted">{t("inbox.pick")}</p>
        )}
      </div>
    </section>
  );
}

const PRESENCE_TTL_MS = 90_000;

/** How long "Rückgängig machen" is offered after an assignment. */
const UNDO_MS = 30_000;

/** The server's page size (list-conversations' default limit). */
const PAGE = 50;

function toggled(set: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

function filterOf(params: URLSearchParams): ConversationFilter {
  return Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k) ?? ""]] : [])));
}

function toParams(filter: ConversationFilter, openId: string | null): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== "" && value !== 0) next.set(key, String(value));
  if (openId) next.set("c", openId);
  return next;
}

function KeyboardHelp({ detailsRef }: { detailsRef: RefObject<HTMLDetailsElement | null> }) {
  const { t } = useTranslation();
  return (
    <details className="keyboard-help" ref={detailsRef}>
      <summary>{t("inbox.keys.title")}</summary>
      <ul>
        {(["jk", "enter", "r", "a", "e", "x", "suggestion", "help"] as const).map((k) => (
          <li key={k}>{t(`inbox.keys.${k}`)}</li>
        ))}
      </ul>
    </details>
  );
}
