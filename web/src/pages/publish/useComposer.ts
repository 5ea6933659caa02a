// The composer's state machine in the browser: the form, the live check (debounced) and the autosave
// (debounced; creates the post once it has content). One composer makes at most one post: every later save,
// also one still waiting when the person leaves the composer, goes to that post; an untouched composer makes
// none. The server decides everything; this only keeps the screen and the saved draft in step.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api/client";
import { type CheckResult, type PostInput, type PostRecord, publishingApi } from "../../api/publishing";
import { useLoad } from "../../api/useLoad";

export type SaveState =
  { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "error"; error: unknown };

const CHECK_DELAY_MS = 300;
const SAVE_DELAY_MS = 1200;

/** Worth creating a post for: something written, attached or asked (channels or a department alone are not). */
function hasContent(input: PostInput): boolean {
  return (
    input.title.trim() !== "" ||
    input.body.trim() !== "" ||
    input.threadParts.some((part) => part.trim() !== "") ||
    input.mediaIds.length > 0 ||
    input.poll !== null
  );
}

export function useComposer(
  orgId: string,
  initial: { post: PostRecord | null; input: PostInput },
  onCreated: (id: string) => void,
) {
  const [input, setInput] = useState<PostInput>(initial.input);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const post = useRef<{ id: string | null; revision: number }>({
    id: initial.post?.id ?? null,
    revision: initial.post?.revision ?? 0,
  });
  const dirty = useRef(false);
  const left = useRef(false);
  const saving = useRef<Promise<void> | null>(null);
  const latest = useRef(input);
  latest.current = input;

  // The live check, a moment after typing stops; a newer check supersedes one still on its way.
  const recheck = useLoad(
    (signal) =>
      input.channels.length === 0 && !input.body
        ? Promise.resolve(null)
        : publishingApi.check(orgId, input, { signal }),
    setCheck,
    [],
    { enabled: false, onError: () => setCheck(null) },
  );
  useEffect(() => {
    const timer = setTimeout(() => void recheck(), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [orgId, input, recheck]);

  const flush = useCallback(async (): Promise<void> => {
    if (saving.current) await saving.current;
    if (!dirty.current || (!post.current.id && !hasContent(latest.current))) return;
    dirty.current = false;
    setSave({ kind: "saving" });
    const run = (async () => {
      try {
        const current = post.current;
        const saved = current.id
          ? await publishingApi.save(orgId, current.id, { ...latest.current, revision: current.revision })
          : await publishingApi.create(orgId, latest.current);
        const created = !current.id;
        post.current = { id: saved.id, revision: saved.revision };
        setSave({ kind: "saved", at: new Date() });
        // After the person left, the post is kept but the screen they went to stays.
        if (created && !left.current) onCreated(saved.id);
      } catch (error) {
        dirty.current = !(error instanceof ApiError && error.status === 409);
        setSave({ kind: "error", error });
      }
    })();
    saving.current = run;
    await run;
    saving.current = null;
  }, [orgId, onCreated]);

  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input, flush]);

  // Leaving the composer saves what is still waiting, into the same post (never a second one).
  const flushOnLeave = useRef(flush);
  flushOnLeave.current = flush;
  useEffect(() => {
    left.current = false;
    return () => {
      left.current = true;
      void flushOnLeave.current();
    };
  }, []);

  const update = useCallback((change: Partial<PostInput>) => {
    dirty.current = true;
    setInput((current) => ({ ...current, ...change }));
  }, []);

  return { input, update, check, save, flush, post };
}
