// Facebook pages and Instagram make the organisation a joint controller with Meta (Art. 26 DSGVO): they stay off
// until an administrator turns them on, which is audited, and they are turned off only once no account is connected.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeCredentials } from "../src/app/channels/channelCredentials.js";
import { requireNetworkEnabled } from "../src/app/channels/network-enablement.js";
import { auditEvents, channelAccounts } from "../src/db/schema/index.js";
import { buildMember, buildOrg } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function orgWithAdmin() {
  const org = await buildOrg(t.ctx);
  const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
  return { org, admin, session: await signIn(t.app, admin.email, admin.password) };
}

describe("networks of joint controllership", () => {
  it("are off for a new organisation, and adding or connecting their accounts is refused", async () => {
    const { org, session } = await orgWithAdmin();
    const list = await session.request("GET", `/api/orgs/${org.id}/channel-networks`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      networks: [
        { network: "facebook", enabled: false, enabledAt: null, enabledByName: null },
        { network: "instagram", enabled: false, enabledAt: null, enabledByName: null },
      ],
    });
    await expect(requireNetworkEnabled(t.ctx.db, org.id, "facebook")).rejects.toMatchObject({
      code: "CHANNEL_NETWORK_NOT_ENABLED",
    });
    // Other networks need no switch.
    await expect(requireNetworkEnabled(t.ctx.db, org.id, "mastodon")).resolves.toBeUndefined();
  });

  it("are turned on by an administrator, once, with the audit trail saying who and when", async () => {
    const { org, admin, session } = await orgWithAdmin();
    const before = t.ctx.clock().getTime();
    const on = await session.request("PUT", `/api/orgs/${org.id}/channel-networks/facebook`, { enabled: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ network: "facebook", enabled: true, enabledByName: `Person ${admin.email}` });
    const enabledAt = new Date(on.json().enabledAt).getTime();
    expect(enabledAt).toBeGreaterThanOrEqual(before);
    expect(enabledAt).toBeLessThanOrEqual(t.ctx.clock().getTime());
    await expect(requireNetworkEnabled(t.ctx.db, org.id, "facebook")).resolves.toBeUndefined();
    // Instagram is its own decision.
    await expect(requireNetworkEnabled(t.ctx.db, org.id, "instagram")).rejects.toMatchObject({
      code: "CHANNEL_NETWORK_NOT_ENABLED",
    });
    // Turning it on again changes nothing and writes nothing.
    await session.request("PUT", `/api/orgs/${org.id}/channel-networks/facebook`, { enabled: true });
    const events = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, "channel_network.enabled")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: admin.userId, data: { network: "facebook" } });
  });

  it("are not turned on by the press office, and an unknown network is not found", async () => {
    const { org, session } = await orgWithAdmin();
    const press = await buildMember(t.ctx, org.id, { roles: ["press_office"] });
    const pressSession = await signIn(t.app, press.email, press.password);
    const refused = await pressSession.request("PUT", `/api/orgs/${org.id}/channel-networks/facebook`, {
      enabled: true,
    });
    expect(refused.statusCode).toBe(403);
    expect((await session.request("GET", `/api/orgs/${org.id}/channel-networks`)).json().networks[0].enabled).toBe(
      false,
    );
    const unknown = await session.request("PUT", `/api/orgs/${org.id}/channel-networks/mastodon`, { enabled: true });
    expect(unknown.statusCode).toBe(400);
  });

  it("are turned off only once none of their accounts is connected", async () => {
    const { org, session } = await orgWithAdmin();
    await session.request("PUT", `/api/orgs/${org.id}/channel-networks/instagram`, { enabled: true });
    // An Instagram account connected while it was on (its connector arrives with its own tests).
    const now = t.ctx.clock();
    const [account] = await t.ctx.db
      .insert(channelAccounts)
      .values({ orgId: org.id, network: "instagram", name: "Instagram", settings: {}, createdAt: now, updatedAt: now })
      .returning();
    if (!account) throw new Error("no account");
    await storeCredentials(t.ctx.db, t.ctx, {
      accountId: account.id,
      orgId: org.id,
      credentials: { token: "x" },
      remoteHandle: "stadt",
      remoteUrl: null,
      userId: null,
      now,
    });
    const refused = await session.request("PUT", `/api/orgs/${org.id}/channel-networks/instagram`, { enabled: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("DRAHT_ERR_CHANNEL_NETWORK_IN_USE");
    await expect(requireNetworkEnabled(t.ctx.db, org.id, "instagram")).resolves.toBeUndefined();
    // Disconnected (the credentials wiped), it can be turned off.
    await t.ctx.db.delete(channelAccounts).where(eq(channelAccounts.id, account.id));
    const off = await session.request("PUT", `/api/orgs/${org.id}/channel-networks/instagram`, { enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false, enabledAt: null });
    await expect(requireNetworkEnabled(t.ctx.db, org.id, "instagram")).rejects.toMatchObject({
      code: "CHANNEL_NETWORK_NOT_ENABLED",
    });
  });
});
