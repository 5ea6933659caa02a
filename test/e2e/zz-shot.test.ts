import { it } from "vitest";
import { buildMember, buildOrg } from "../support/factories.js";
import { freePort, launchBrowser, serveApp, signInAs } from "./browser.js";
it("shot", { timeout: 120_000 }, async () => {
  const port = await freePort();
  const server = await serveApp({ port, env: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
  const browser = await launchBrowser();
  try {
    const org = await buildOrg(server.ctx, { name: "Stadt Seitenhausen" });
    const admin = await buildMember(server.ctx, org.id, { roles: ["administrator"] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(page, server.baseUrl, admin.email, admin.password);
    await page.goto(`${server.baseUrl}/o/${org.id}/admin/channels`);
    const section = page.getByRole("region", { name: /gemeinsame Verantwortung/ });
    await section.getByRole("button", { name: "Facebook für die Organisation freischalten" }).click();
    await page.getByText("Facebook ist für die Organisation freigeschaltet.").waitFor();
    await section.screenshot({ path: "/work/scratch/shots/joint.png" });
    await page.setViewportSize({ width: 390, height: 800 });
    await section.screenshot({ path: "/work/scratch/shots/joint-390.png" });
  } finally {
    await browser.close();
    await server.close();
  }
});
