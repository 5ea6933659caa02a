// Which of our posts each message of an ingested batch reacts to (inbound_messages.post_id), from what the
// database knows of the external ids the batch names. The order of the leads is the rule: our publication that is
// the thread's root or the item answered, else the post of the message answered (stored before, or earlier in
// the chain of this very batch), else a later part of one of our threads — so the common case, a reply under our
// post, never needs the parts.

/** What one external id on one channel account leads to. */
export interface PostLead {
  /** The post of our publication with this external id (a website comment names the entry, the publication's id). */
  publication: string | null;
  /** The message stored under this external id: its post (null if it reacts to none); undefined if none is stored. */
  storedMessage?: { postId: string | null };
  /** The post of our publication that has this external id as a later part of its thread (looked up last, if need be). */
  part?: string | null;
}

export interface BatchMessage {
  channelAccountId: string;
  externalId: string;
  threadExternalId: string | null;
  inReplyToExternalId: string | null;
}

export const leadKey = (channelAccountId: string, externalId: string) => `${channelAccountId}\u0000${externalId}`;

/**
 * The post of each message, in the batch's order. `leads` holds what was found per leadKey (ids without
 * anything found may be missing). A reply whose parent is in the same batch takes the parent's post, however
 * the batch is ordered and however long the chain; a parent already stored wins over its copy in the batch
 * (which is a duplicate and will not be stored).
 */
export function postsReactedTo(
  messages: readonly BatchMessage[],
  leads: ReadonlyMap<string, PostLead>,
): (string | null)[] {
  const inBatch = new Map<string, number>();
  messages.forEach((m, i) => {
    const key = leadKey(m.channelAccountId, m.externalId);
    // The first of the same external id is the one stored.
    if (!inBatch.has(key)) inBatch.set(key, i);
  });
  const resolved = new Map<number, string | null>();
  const resolving = new Set<number>();
  const postOf = (i: number): string | null => {
    const known = resolved.get(i);
    if (known !== undefined) return known;
    // A reply that (through the batch) answers itself reacts to nothing more than its other leads say.
    if (resolving.has(i)) return null;
    resolving.add(i);
    const post = find(messages[i] as BatchMessage);
    resolving.delete(i);
    resolved.set(i, post);
    return post;
  };
  const find = (m: BatchMessage): string | null => {
    const { threadExternalId: thread, inReplyToExternalId: parent } = m;
    if (thread === null && parent === null) return null;
    const lead = (id: string | null) => (id === null ? undefined : leads.get(leadKey(m.channelAccountId, id)));
    const threadLead = lead(thread);
    const parentLead = lead(parent);
    const publication = threadLead?.publication ?? parentLead?.publication ?? null;
    if (publication !== null) return publication;
    const parentIndex = parent === null ? undefined : inBatch.get(leadKey(m.channelAccountId, parent));
    const parentPost = parentLead?.storedMessage
      ? parentLead.storedMessage.postId
      : parentIndex === undefined
        ? null
        : postOf(parentIndex);
    return parentPost ?? threadLead?.part ?? parentLead?.part ?? null;
  };
  return messages.map((_, i) => postOf(i));
}
