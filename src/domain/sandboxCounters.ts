// The counters the sandbox channel reports for an item (likes, reposts, replies): made up, but the same for the same
// item every time, so the demo has figures and tests know them in advance. Pure (FNV-1a over the item's id).
import type { PublishedCounters } from "./connector.js";

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function sandboxCounters(externalId: string): PublishedCounters {
  const hash = fnv1a(externalId);
  return {
    externalId,
    likes: (hash & 0xff) % 60,
    reposts: ((hash >>> 8) & 0xff) % 20,
    replies: ((hash >>> 16) & 0xff) % 12,
  };
}
