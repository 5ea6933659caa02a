// The contract's promises about answers: an answer shows in the network's thread, and a file of the media library
// goes with it where the connector declares reply media. Both answer the same kind of item: a citizen's message on
// an inbox-only network, else a citizen's reply under one of our posts (or the post itself where citizens cannot
// reply on the peer).
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { samplePng } from "../support/factories.js";
import { type ContractPeer, citizenItem, fetchAll, post, publishOn, publishes } from "./contractPeer.js";

interface AnswerTarget {
  threadExternalId: string;
  inReplyToExternalId: string;
  authorHandle: string | undefined;
  /** The item under which the peer shows the answer (threadTexts, answerFiles). */
  shownUnder: string;
}

/** A citizen's item to answer, as the connector brought it in. */
async function answerTarget(peer: ContractPeer, question: string): Promise<AnswerTarget> {
  if (!publishes(peer.connector)) {
    const before = await fetchAll(peer.connector, peer.account, null);
    const { item } = await citizenItem(peer, `${question} ${Date.now()}`, before.cursor);
    expect(item).toBeDefined();
    return {
      threadExternalId: item?.threadExternalId ?? "",
      inReplyToExternalId: item?.externalId ?? "",
      authorHandle: item?.authorHandle,
      shownUnder: item?.externalId ?? "",
    };
  }
  const item = await publishOn(peer, post(`Hinweis ${Date.now()}`));
  const target = {
    threadExternalId: item.externalId,
    inReplyToExternalId: item.externalId,
    authorHandle: undefined as string | undefined,
    shownUnder: item.externalId,
  };
  if (!peer.citizenReplies || !peer.connector.fetchInbound) return target;
  const before = await fetchAll(peer.connector, peer.account, null);
  await peer.citizenReplies(item.externalId, question);
  await peer.settle?.();
  const after = await fetchAll(peer.connector, peer.account, before.cursor);
  const citizen = after.changes.find((c) => c.message.inReplyToExternalId === item.externalId)?.message;
  expect(citizen).toBeDefined();
  return { ...target, inReplyToExternalId: citizen?.externalId ?? "", authorHandle: citizen?.authorHandle };
}

export function answerPromises(peerOf: () => ContractPeer): void {
  it("answers a citizen so that the answer shows in the network's thread", async () => {
    const peer = peerOf();
    if (!peer.connector.capabilities.reply) return expect(peer.connector.reply).toBeUndefined();
    expect(peer.threadTexts, "a replying connector needs a peer that shows threads").toBeDefined();
    const target = await answerTarget(peer, "Gilt das auch für Gewerbe?");
    const answer = await peer.connector.reply?.(peer.account, {
      idempotencyKey: `answer-${Date.now()}`,
      orgId: peer.account.orgId,
      threadExternalId: target.threadExternalId,
      inReplyToExternalId: target.inReplyToExternalId,
      text: "Ja, auch für Gewerbetreibende.",
      // Under a post the answer names nobody (Mastodon would prefix a mention); a direct message goes to its author.
      toHandle: publishes(peer.connector) ? undefined : target.authorHandle,
    });
    expect(answer?.externalId).toBeTruthy();
    await peer.settle?.();
    const texts = (await peer.threadTexts?.(target.shownUnder)) ?? [];
    expect(texts.some((t) => t.includes("Ja, auch für Gewerbetreibende."))).toBe(true);
  });

  it("sends a file of the media library with an answer where it declares reply media, else declares none", async () => {
    const peer = peerOf();
    if (!peer.connector.capabilities.replyMedia) return expect(peer.connector.capabilities.replyMedia).toBeFalsy();
    expect(peer.connector.capabilities.reply).toBe(true);
    expect(peer.answerFiles, "a connector that sends files with answers needs a peer that shows them").toBeDefined();
    const target = await answerTarget(peer, "Wo ist der Eingang?");
    const png = await samplePng(72, 40);
    const id = (await peer.libraryMedium?.(png, "Lageplan des Eingangs")) ?? randomUUID();
    const answer = await peer.connector.reply?.(peer.account, {
      idempotencyKey: `answer-file-${Date.now()}`,
      orgId: peer.account.orgId,
      threadExternalId: target.threadExternalId,
      inReplyToExternalId: target.inReplyToExternalId,
      text: "Der Eingang ist an der Rückseite, siehe Plan.",
      toHandle: target.authorHandle,
      media: [
        {
          id,
          kind: "image",
          altText: "Lageplan des Eingangs",
          mimeType: "image/png",
          fileName: "lageplan.png",
          content: async () => new Uint8Array(png),
        },
      ],
    });
    expect(answer?.externalId).toBeTruthy();
    await peer.settle?.();
    const files = (await peer.answerFiles?.(target.inReplyToExternalId)) ?? [];
    expect(files.some((f) => f.content.equals(png) && f.text.includes("Der Eingang ist an der Rückseite"))).toBe(true);
  });
}
