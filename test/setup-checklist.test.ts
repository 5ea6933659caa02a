// The first-run checklist of a new organisation on the real database: nothing is ticked at first; each step is
// ticked once it is done where it is done (a channel that needs a connection counts only once connected); only
// those who may change the organisation see the list.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelAccounts } from "../src/db/schema/index.js";
import { DEFAULT_NETIQUETTE } from "../src/domain/website/netiquette.js";
import { buildChannelAccount, buildDepartment, buildGuideline, buildMember, buildOrg } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Checklist = { steps: { step: string; done: boolean }[]; done: number; total: number };

describe("the first-run checklist", () => {
  it("ticks each first step of a new organisation as it is done", async () => {
    const org = await buildOrg(t.ctx, { name: "Gemeinde Neubeginn" });
    const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
    const session = await signIn(t.app, admin.email, admin.password);
    const checklist = async () => {
      const response = await session.request("GET", `/api/orgs/${org.id}/setup-checklist`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Checklist;
    };
    const ticked = async () => (await checklist()).steps.filter((s) => s.done).map((s) => s.step);

    const first = await checklist();
    expect(first).toMatchObject({ done: 0, total: 7 });
    expect(first.steps.map((s) => s.step)).toEqual([
      "channel",
      "officeHours",
      "netiquette",
      "guideline",
      "colleagues",
      "routing",
      "targets",
    ]);

    // The website channel needs no connection; a Mastodon account not yet connected keeps the step open until it
    // is connected or switched off. (Its row is written directly: creating one checks its server on the network.)
    await buildChannelAccount(t.ctx, org.id, { network: "website", name: "Website" });
    expect(await ticked()).toEqual(["channel"]);
    const [mastodon] = await t.ctx.db
      .insert(channelAccounts)
      .values({
        orgId: org.id,
        network: "mastodon",
        name: "Mastodon",
        settings: { serverUrl: "https://social.example" },
      })
      .returning();
    expect(await ticked()).toEqual([]);
    await t.ctx.db
      .update(channelAccounts)
      .set({ disabledAt: new Date() })
      .where(eq(channelAccounts.id, mastodon?.id ?? ""));
    expect(await ticked()).toEqual(["channel"]);

    const put = async (path: string, body: unknown, method: "PUT" | "POST" = "PUT") => {
      const response = await session.request(method, `/api/orgs/${org.id}${path}`, body);
      expect(response.statusCode, response.body).toBeLessThan(300);
    };
    await put("/office-schedule", {
      officeHours: [{ days: [1, 2, 3, 4], from: "08:00", to: "15:00" }],
      closingDays: [],
    });
    await put("/netiquettes", DEFAULT_NETIQUETTE, "POST");
    await buildGuideline(t.ctx, org.id);
    await put("/invitations", { email: "kollegin@neubeginn.example", name: "Kollegin", roles: ["editor"] }, "POST");
    expect(await ticked()).toEqual(["channel", "officeHours", "netiquette", "guideline", "colleagues"]);
    const kita = await buildDepartment(t.ctx, org.id, { name: "Jugendamt" });
    await put("/inbox/rules", {
      routing: [{ name: "Kita", keywords: ["Kita"], departmentId: kita.id }],
      targets: [{ intent: "question", firstResponseMinutes: 240 }],
      settings: { autoAcknowledge: false, idleWarningDays: 7, repeatWindowDays: 14 },
    });
    expect(await checklist()).toMatchObject({ done: 7, total: 7 });

    // An editor does not set the organisation up, and is not shown the list.
    const editor = await buildMember(t.ctx, org.id, { roles: ["editor"] });
    const refused = await (
      await signIn(t.app, editor.email, editor.password)
    ).request("GET", `/api/orgs/${org.id}/setup-checklist`);
    expect(refused.statusCode).toBe(403);
  });
});
