// The organisation the reports' HTTP tests read (Stimmung, Antwortzeiten, Stimmung by post, the weekly report):
// the Bauamt with a website channel and the Kulturamt with a Mastodon channel, and two texts of a clear mood.
import type { AppContext } from "../../src/app/context.js";
import { buildChannelAccount, buildDepartment, buildOrg } from "./factories.js";

/** A citizen's text the analyser reads as negative (test/reports.test.ts checks it). */
export const NEGATIVE_TEXT = "Die Baustelle ist eine Katastrophe, unzumutbar und ärgerlich.";
/** A citizen's text the analyser reads as positive (test/reports.test.ts checks it). */
export const POSITIVE_TEXT = "Danke, super gemacht, das freut uns sehr!";

export async function buildReportOrg(ctx: AppContext, overrides: { name?: string } = {}) {
  const org = await buildOrg(ctx, overrides);
  const bauamt = await buildDepartment(ctx, org.id, { name: "Bauamt" });
  const kultur = await buildDepartment(ctx, org.id, { name: "Kulturamt" });
  const website = await buildChannelAccount(ctx, org.id, { name: "Website", departmentId: bauamt.id });
  const mastodon = await buildChannelAccount(ctx, org.id, { name: "Mastodon", departmentId: kultur.id });
  return { org, bauamt, kultur, website, mastodon };
}
