// The scene the rollup tests count in (test/report-rollups.test.ts, test/resolution-waiting-rollups.test.ts):
// an organisation with the Bauamt and the Jugendamt, a channel account of the Bauamt's, and citizens writing
// under its item "post-1". The tests compare the rollups the triggers keep with straight counts of the rows.
import type { AppContext } from "../../src/app/context.js";
import { type CitizenMessage, type StoredCitizenMessage, storeCitizenMessages } from "./citizenMessages.js";
import { buildChannelAccount, buildDepartment, buildOrg } from "./factories.js";

/** The external id of the item on the channel that the scene's citizens answer. */
export const SCENE_THREAD = "post-1";

export async function buildRollupScene(ctx: AppContext) {
  const org = await buildOrg(ctx);
  const bauamt = await buildDepartment(ctx, org.id, { name: "Bauamt" });
  const jugendamt = await buildDepartment(ctx, org.id, { name: "Jugendamt" });
  const account = await buildChannelAccount(ctx, org.id, { departmentId: bauamt.id });
  return { org, bauamt, jugendamt, account };
}

/** Citizens' answers to the scene's item, ingested at the context's clock: each one's message and conversation. */
export function ingestUnderThread(
  ctx: AppContext,
  args: { orgId: string; channelAccountId: string; items: readonly CitizenMessage[] },
): Promise<StoredCitizenMessage[]> {
  return storeCitizenMessages(ctx, { ...args, now: ctx.clock(), threadExternalId: SCENE_THREAD });
}

/** Rows as the tests compare a rollup with its straight count: each with its key, in the keys' order. */
export function inKeyOrder<T extends { key: string }>(rows: Iterable<T>): T[] {
  return [...rows].sort((a, b) => a.key.localeCompare(b.key));
}
