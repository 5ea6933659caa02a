// The first answer's business time is kept however long the citizen waited: more than 2^31 ms (about
// 16.5 weeks of office hours) once overflowed a 32-bit column, and the first answer then failed on the
// website or was sent but recorded as failed on other networks.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestMessages } from "../src/app/inbox/ingest-messages.js";
import { conversations, sandboxDeliveries } from "../src/db/schema/index.js";
import { DEFAULT_OFFICE_SCHEDULE, businessMsBetween } from "../src/domain/slaClock.js";
import { buildChannelAccount, buildMember, uniqueSuffix } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { buildWebsiteScene, startCitizen } from "./support/website.js";

// Wednesday 25 November 2026, 10:00 in Berlin, inside the default office hours.
const asked = new Date("2026-11-25T09:00:00Z");
// Thirty weeks later, a Wednesday again, 11:00 in Berlin (summer time).
const answered = new Date("2027-06-23T09:00:00Z");
let now = asked;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(() => t.close());

const calendar = { timeZone: "Europe/Berlin", state: "NW", ...DEFAULT_OFFICE_SCHEDULE };
const expectedBusinessMs = businessMsBetween(calendar, asked, answered);

async function firstResponseOf(conversationId: string) {
  const [row] = await t.ctx.db.select().from(conversations).where(eq(conversations.id, conversationId));
  return row;
}

async function staffOf(orgId: string) {
  const member = await buildMember(t.ctx, orgId, { roles: ["administrator"] });
  return { member, signIn: () => signIn(t.app, member.email, member.password) };
}

describe("the business time of a first answer", () => {
  it("is more than 2^31 ms after thirty weeks of office hours (the premise of these tests)", () => {
    expect(expectedBusinessMs).toBeGreaterThan(2 ** 31);
  });

  it("is recorded for an answer on the website after thirty weeks", async () => {
    now = asked;
    const scene = await buildWebsiteScene(t.ctx);
    const staff = await staffOf(scene.org.id);
    const citizen = await startCitizen(t.app, scene.org.slug);
    await citizen.acceptNetiquette(scene.netiquette.id);
    const comment = await citizen.comment(scene.entryId, { text: "Wann wird die Brücke am Markt saniert?" });
    expect(comment.statusCode, comment.body).toBe(201);
    const press = await staff.signIn();
    const listed = await press.request("GET", `/api/orgs/${scene.org.id}/inbox/conversations`);
    const [conversation] = (listed.json() as { conversations: { id: string }[] }).conversations;
    if (!conversation) throw new Error("the question did not reach the inbox");

    now = answered;
    const later = await staff.signIn();
    const sent = await later.request(
      "POST",
      `/api/orgs/${scene.org.id}/inbox/conversations/${conversation.id}/replies`,
      {
        text: "Die Sanierung beginnt im Herbst.",
      },
    );
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: "sent" });
    expect(await firstResponseOf(conversation.id)).toMatchObject({
      status: "answered",
      firstResponseAt: answered,
      firstResponderUserId: staff.member.userId,
      firstResponseBusinessMs: expectedBusinessMs,
    });
  });

  it("is recorded for an answer sent through a network's connector after thirty weeks, and the reply counts as sent", async () => {
    now = asked;
    const scene = await buildWebsiteScene(t.ctx);
    const staff = await staffOf(scene.org.id);
    const account = await buildChannelAccount(t.ctx, scene.org.id, {
      network: "sandbox",
      name: `Sandbox ${uniqueSuffix()}`,
    });
    const [outcome] = await t.ctx.db.transaction((tx) =>
      ingestMessages(tx, {
        orgId: scene.org.id,
        analyser: t.ctx.analyser,
        now,
        publicUrl: t.ctx.publicUrl,
        messages: [
          {
            channelAccountId: account.id,
            externalId: `dm-${uniqueSuffix()}`,
            kind: "direct",
            authorHandle: "@anna",
            authorName: "Anna",
            text: "Wann wird die Brücke am Markt saniert?",
            language: "de",
            threadExternalId: null,
            inReplyToExternalId: null,
            visibility: "visible",
            receivedAt: now,
            raw: {},
          },
        ],
      }),
    );
    if (outcome?.status !== "stored") throw new Error("the message was not stored");

    now = answered;
    const press = await staff.signIn();
    const sent = await press.request(
      "POST",
      `/api/orgs/${scene.org.id}/inbox/conversations/${outcome.conversationId}/replies`,
      { text: "Die Sanierung beginnt im Herbst." },
    );
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: "sent" });
    const deliveries = await t.ctx.db
      .select()
      .from(sandboxDeliveries)
      .where(eq(sandboxDeliveries.channelAccountId, account.id));
    expect(deliveries.map((d) => d.text)).toEqual(["Die Sanierung beginnt im Herbst."]);
    expect(await firstResponseOf(outcome.conversationId)).toMatchObject({
      status: "answered",
      firstResponderUserId: staff.member.userId,
      firstResponseBusinessMs: expectedBusinessMs,
    });
  });
});
