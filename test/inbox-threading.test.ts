// Citizen messages are threaded into conversations (Vorgänge) per channel account, post and citizen;
// answers mark them answered; a similar question asked again while unanswered is flagged.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationReplies, conversations, inboundMessages } from "../src/db/schema/index.js";
import { buildMember } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { buildWebsitePost, buildWebsiteScene, startCitizen } from "./support/website.js";

let now = new Date("2026-11-25T09:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const conversationOf = async (messageExternalId: string) => {
  const [message] = await t.ctx.db
    .select()
    .from(inboundMessages)
    .where(eq(inboundMessages.externalId, messageExternalId));
  const [conversation] = await t.ctx.db
    .select()
    .from(conversations)
    .where(eq(conversations.id, message!.conversationId!));
  return conversation!;
};
const tick = () => (now = new Date(now.getTime() + 60_000));

describe("threading citizen messages into conversations", () => {
  it("keeps one conversation per post and citizen, and a separate one for another post or another citizen", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    const other = await buildWebsitePost(t.ctx, {
      orgId: scene.org.id,
      channelAccountId: scene.account.id,
      text: "Anderer Beitrag",
    });
    const anna = await startCitizen(t.app, scene.org.slug, "198.51.100.60");
    const ben = await startCitizen(t.app, scene.org.slug, "198.51.100.61");
    for (const c of [anna, ben]) await c.acceptNetiquette(scene.netiquette.id);
    const id = async (citizen: typeof anna, entryId: string, text: string) => {
      tick();
      return ((await citizen.comment(entryId, { text })).json() as { id: string }).id;
    };
    const a1 = await id(anna, scene.entryId, "Wann beginnt der Markt?");
    const a2 = await id(anna, scene.entryId, "Und gibt es dort auch Blumen?");
    const a3 = await id(anna, other.entryId, "Schöner Beitrag!");
    const b1 = await id(ben, scene.entryId, "Wo kann ich parken?");
    const [c1, c2, c3, c4] = await Promise.all([a1, a2, a3, b1].map(conversationOf));
    expect(c1!.id).toBe(c2!.id);
    expect(new Set([c1!.id, c3!.id, c4!.id]).size).toBe(3);
    expect(c1).toMatchObject({ status: "new", citizenName: "Bürgerin", askedAgain: false, threadKey: scene.entryId });
    expect(c4!.status).toBe("new");
  });

  it("marks the conversation answered when staff answer, and waiting again when the citizen writes once more", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    const citizen = await startCitizen(t.app, scene.org.slug, "198.51.100.62");
    await citizen.acceptNetiquette(scene.netiquette.id);
    tick();
    const asked = now;
    const { id } = (await citizen.comment(scene.entryId, { text: "Hat das Bürgerbüro samstags geöffnet?" })).json() as {
      id: string;
    };
    expect(await conversationOf(id)).toMatchObject({ status: "new", waitingSince: asked, firstResponseAt: null });
    const press = await buildMember(t.ctx, scene.org.id, { roles: ["press_office"] });
    tick();
    const answeredAt = now;
    await (
      await signIn(t.app, press.email, press.password)
    ).request("POST", `/api/orgs/${scene.org.id}/website/comments/${id}/answer`, { text: "Ja, von 9 bis 12 Uhr." });
    expect(await conversationOf(id)).toMatchObject({
      status: "answered",
      waitingSince: null,
      firstResponseAt: answeredAt,
      lastResponseAt: answeredAt,
    });
    // The answer given on the moderation page shows in the conversation's timeline in the inbox too.
    const timeline = await t.ctx.db
      .select()
      .from(conversationReplies)
      .where(eq(conversationReplies.conversationId, (await conversationOf(id)).id));
    expect(timeline).toMatchObject([{ text: "Ja, von 9 bis 12 Uhr.", status: "sent", inReplyToExternalId: id }]);
    tick();
    const again = (await citizen.comment(scene.entryId, { text: "Danke! Auch an Feiertagen?" })).json() as {
      id: string;
    };
    expect(await conversationOf(again.id)).toMatchObject({
      status: "open",
      waitingSince: now,
      firstResponseAt: answeredAt,
      askedAgain: false,
    });
  });

  it("flags a question asked again while the first is unanswered", async () => {
    const scene = await buildWebsiteScene(t.ctx);
    const citizen = await startCitizen(t.app, scene.org.slug, "198.51.100.63");
    await citizen.acceptNetiquette(scene.netiquette.id);
    tick();
    await citizen.comment(scene.entryId, { text: "Wann wird die Kita in der Lindenstraße wieder geöffnet?" });
    now = new Date(now.getTime() + 2 * 24 * 3_600_000);
    const { id } = (
      await citizen.comment(scene.entryId, { text: "Wann öffnet die Kita Lindenstraße wieder??" })
    ).json() as { id: string };
    expect(await conversationOf(id)).toMatchObject({ askedAgain: true, status: "new" });
  });
});
