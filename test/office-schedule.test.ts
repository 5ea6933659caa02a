import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrg } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => new Date("2026-12-23T15:30:00Z") }); // Wednesday 16:30 in Berlin
});
afterAll(() => t.close());

describe("office hours and closing days", () => {
  it("start with town-hall hours, and the administration sets its own closing days", async () => {
    const org = await buildOrg(t.ctx);
    const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
    const session = await signIn(t.app, admin.email, admin.password);
    const url = `/api/orgs/${org.id}/office-schedule`;
    const initial = (await session.request("GET", url)).json() as {
      isDefault: boolean;
      nextOpening: string;
      daysOff: { date: string; kind: string }[];
    };
    expect(initial.isDefault).toBe(true);
    expect(initial.nextOpening).toBe("2026-12-24T07:00:00.000Z"); // Thursday 8:00
    expect(initial.daysOff.slice(0, 2).map((d) => d.date)).toEqual(["2026-12-25", "2026-12-26"]);

    const saved = await session.request("PUT", url, {
      officeHours: [{ days: [1, 2, 3, 4, 5], from: "07:30", to: "15:30" }],
      closingDays: ["2026-12-31", "2026-12-24", "2026-12-24"],
    });
    expect(saved.statusCode).toBe(200);
    const after = saved.json() as { isDefault: boolean; nextOpening: string; schedule: { closingDays: string[] } };
    expect(after.isDefault).toBe(false);
    expect(after.schedule.closingDays).toEqual(["2026-12-24", "2026-12-31"]);
    expect(after.nextOpening).toBe("2026-12-28T06:30:00.000Z"); // Monday 7:30, after Christmas and the weekend
  });

  it("refuses hours that end before they start, and people who may not change the organisation", async () => {
    const org = await buildOrg(t.ctx);
    const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
    const editor = await buildMember(t.ctx, org.id, { roles: ["editor"] });
    const url = `/api/orgs/${org.id}/office-schedule`;
    const bad = await (
      await signIn(t.app, admin.email, admin.password)
    ).request("PUT", url, { officeHours: [{ days: [1], from: "16:00", to: "08:00" }] });
    expect(bad.statusCode).toBe(400);
    const refused = await (
      await signIn(t.app, editor.email, editor.password)
    ).request("PUT", url, { officeHours: [{ days: [1], from: "08:00", to: "16:00" }] });
    expect(refused.statusCode).toBe(403);
  });

  it("count in the organisation's time zone, Europe/Berlin until an administrator sets another", async () => {
    const org = await buildOrg(t.ctx);
    const admin = await buildMember(t.ctx, org.id, { roles: ["administrator"] });
    const session = await signIn(t.app, admin.email, admin.password);
    expect((await session.request("GET", `/api/orgs/${org.id}`)).json()).toMatchObject({ timeZone: "Europe/Berlin" });

    const changed = await session.request("PATCH", `/api/orgs/${org.id}`, { timeZone: "Europe/London" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ timeZone: "Europe/London" });
    const schedule = (await session.request("GET", `/api/orgs/${org.id}/office-schedule`)).json() as {
      nextOpening: string;
    };
    expect(schedule.nextOpening).toBe("2026-12-23T15:30:00.000Z"); // 15:30 in London: open now

    const unknown = await session.request("PATCH", `/api/orgs/${org.id}`, { timeZone: "Musterstadt/Rathaus" });
    expect(unknown.statusCode).toBe(400);
    const editor = await buildMember(t.ctx, org.id, { roles: ["editor"] });
    const refused = await (
      await signIn(t.app, editor.email, editor.password)
    ).request("PATCH", `/api/orgs/${org.id}`, { timeZone: "Europe/Berlin" });
    expect(refused.statusCode).toBe(403);
  });
});
