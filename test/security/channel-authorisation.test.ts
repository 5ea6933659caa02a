// Connecting a channel account by OAuth takes up to ten minutes on the network's own pages. Whoever comes back
// to draht's callback must still be allowed to manage that account then: a person whose membership was limited
// to another department (or removed) in the meantime must not finish the connection and store credentials.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateMember } from "../../src/app/members/update-member.js";
import { channelCredentials } from "../../src/db/schema/index.js";
import { type MastodonPeer, startMastodonPeer } from "../peers/mastodon/mastodonPeer.js";
import { buildChannelAccount, buildDepartment, buildMember, buildOrg, systemAdminOf } from "../support/factories.js";
import { LOCAL_NETWORK_ENV } from "../support/localNetworks.js";
import { type TestApp, signIn, startTestApp } from "../support/testApp.js";

let t: TestApp;
let peer: MastodonPeer;
beforeAll(async () => {
  t = await startTestApp({ env: LOCAL_NETWORK_ENV });
  peer = await startMastodonPeer();
});
afterAll(async () => {
  await t?.close();
  await peer?.close();
});

/** Starts an OAuth connection as the person, approves it on the peer and returns the callback address. */
async function approvedCallback(
  person: Awaited<ReturnType<typeof signIn>>,
  orgId: string,
  accountId: string,
  username: string,
): Promise<string> {
  const begun = await person.request("POST", `/api/orgs/${orgId}/channels/${accountId}/connection/oauth`);
  expect(begun.statusCode).toBe(200);
  const authorise = new URL((begun.json() as { authoriseUrl: string }).authoriseUrl);
  const form = new URLSearchParams([...authorise.searchParams].filter(([k]) => k !== "response_type"));
  form.set("username", username);
  const approved = await fetch(`${peer.url}/oauth/authorize`, { method: "POST", body: form, redirect: "manual" });
  const back = new URL(approved.headers.get("location") ?? "");
  return `${back.pathname}${back.search}`;
}

describe("completing a channel authorisation", () => {
  it("refuses a person whose grant no longer reaches the account when they come back, and stores nothing", async () => {
    const org = await buildOrg(t.ctx);
    const jugendamt = await buildDepartment(t.ctx, org.id, { name: "Jugendamt" });
    const ordnungsamt = await buildDepartment(t.ctx, org.id, { name: "Ordnungsamt" });
    const member = await buildMember(t.ctx, org.id, { roles: ["administrator"], departmentIds: [jugendamt.id] });
    const person = await signIn(t.app, member.email, member.password);
    const username = `stadt${randomUUID().slice(0, 6)}`;
    peer.createAccount(username, "Stadt");
    const account = await buildChannelAccount(t.ctx, org.id, {
      network: "mastodon",
      departmentId: jugendamt.id,
      settings: { serverUrl: peer.url, visibility: "public" },
    });

    // Still allowed when coming back: connected.
    const first = await person.request("GET", await approvedCallback(person, org.id, account.id, username));
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/o/${org.id}/admin/channels?connected=${account.id}`);

    // Limited to another department while on the network's pages: refused at the callback, nothing stored.
    await t.ctx.db.delete(channelCredentials).where(eq(channelCredentials.channelAccountId, account.id));
    const callback = await approvedCallback(person, org.id, account.id, username);
    await updateMember(t.ctx, {
      actor: systemAdminOf(org.id),
      orgId: org.id,
      userId: member.userId,
      input: { departmentIds: [ordnungsamt.id] },
    });
    const refused = await person.request("GET", callback);
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe(`/o/${org.id}/admin/channels?connectionError=NOT_ALLOWED`);
    const stored = await t.ctx.db
      .select()
      .from(channelCredentials)
      .where(eq(channelCredentials.channelAccountId, account.id));
    expect(stored).toEqual([]);
  });
});
