/// <reference lib="dom" />
// The first-run checklist in Chromium, on a new organisation beside the demo: its administrator's start page lists
// the first steps, none done; a step's link leads to where it is done; once done there, the step is ticked.
import { describe, expect, it } from "vitest";
import { updateOfficeSchedule } from "../../src/app/orgs/office-schedule.js";
import { buildMember, buildOrg, systemAdminOf } from "../support/factories.js";
import { expectAccessible, signInAs, useDemoSession } from "./browser.js";

describe("the first steps of a new organisation", () => {
  const demo = useDemoSession("presse@musterstadt.example");

  it("lists the steps on the start page, links each to its page and ticks the one done", async () => {
    const { server, browser } = demo;
    const org = await buildOrg(server.ctx, { name: "Gemeinde Neubeginn" });
    const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
    const page = await browser.newPage();
    await signInAs(page, server.baseUrl, admin.email, admin.password);
    await page.goto(`${server.baseUrl}/o/${org.id}`);
    const steps = page.getByRole("region", { name: "Erste Schritte" });
    await steps.getByText("0 von 7 erledigt.").waitFor();
    expect(await steps.getByRole("listitem").count()).toBe(7);
    await expectAccessible(page, "the start page of a new organisation");

    await steps.getByRole("link", { name: "Bürozeiten und Schließtage festlegen" }).click();
    await page.waitForURL(`${server.baseUrl}/o/${org.id}/admin/office-hours`);
    await page.locator("main h1").first().waitFor();

    await updateOfficeSchedule(server.ctx, {
      actor: systemAdminOf(org.id),
      orgId: org.id,
      input: { officeHours: [{ days: [1, 2, 3, 4], from: "08:00", to: "15:00" }], closingDays: [] },
    });
    await page.goto(`${server.baseUrl}/o/${org.id}`);
    await steps.getByText("1 von 7 erledigt.").waitFor();
    const done = steps.getByRole("listitem").filter({ hasText: "Bürozeiten und Schließtage festlegen" });
    expect(await done.innerText()).toContain("erledigt");
    expect(await steps.getByRole("listitem").filter({ hasText: "noch offen" }).count()).toBe(6);

    // A press officer of the demo, who does not set the organisation up, is not shown the list.
    await demo.page.goto(`${server.baseUrl}/`);
    await demo.page.getByRole("heading", { name: "Übersicht" }).waitFor();
    expect(await demo.page.getByRole("region", { name: "Erste Schritte" }).count()).toBe(0);
    await page.close();
  });
});
