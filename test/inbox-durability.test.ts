// Crash after acknowledgement: citizens comment over real HTTP on a `draht serve` process, which is
// killed with SIGKILL while requests are still in flight. Every comment the server acknowledged (201)
// must be in the inbox afterwards, threaded into its conversation, and nothing may be half-stored:
// each stored comment has its inbound message and conversation, or neither exists.
import { type ChildProcess, spawn } from "node:child_process";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { solveChallenge } from "../src/app/website/proofOfWork.js";
import type { Database } from "../src/db/client.js";
import { inboundMessages, websiteComments } from "../src/db/schema/index.js";
import { TEST_AUDIT_KEY, buildTestContext } from "./support/factories.js";
import { ownDatabase } from "./support/ownDatabase.js";
import { buildWebsiteScene } from "./support/website.js";

const ACKNOWLEDGED_BEFORE_KILL = 60;
const IN_FLIGHT = 6;
// A database of its own, shared with the server process the test starts and kills.
const db = ownDatabase(inject("databaseUrl"), "ack");
beforeAll(() => db.create());
afterAll(() => db.drop());

const open = (): Promise<Database> => db.open();

function serve(): { child: ChildProcess; baseUrl: Promise<string> } {
  const env = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: "0",
    PUBLIC_POW_BITS: "4",
    PUBLIC_COMMENTS_PER_SESSION: "100000",
    PUBLIC_COMMENTS_PER_IP: "100000",
    PUBLIC_SESSIONS_PER_IP: "100000",
    AUDIT_KEY: TEST_AUDIT_KEY,
    ...db.env,
  };
  const child = spawn("node", ["--import", "tsx", "src/cli/main.ts", "serve", "--role", "web"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const baseUrl = new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /draht ready on http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    child.stderr?.resume();
    child.on("exit", () => reject(new Error(`server ended before it was ready: ${out}`)));
  });
  return { child, baseUrl };
}

it("keeps every acknowledged citizen message when the server is killed mid-stream", { timeout: 180_000 }, async () => {
  let database = await open();
  await database.migrate();
  const scene = await buildWebsiteScene(buildTestContext(database.db));
  await database.close();

  const { child, baseUrl: ready } = serve();
  const baseUrl = await ready;
  const api = `${baseUrl}/api/public/orgs/${scene.org.slug}`;
  const post = async (url: string, body: unknown, token?: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { "x-draht-session": token } : {}) },
      body: JSON.stringify(body),
    });
  const { token } = (await (await post(`${api}/sessions`, {})).json()) as { token: string };
  expect((await post(`${api}/netiquette/accept`, { netiquetteId: scene.netiquette.id }, token)).status).toBe(200);

  const acknowledged: string[] = [];
  let sent = 0;
  let killed = false;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  const citizen = async () => {
    while (!killed) {
      const n = sent++;
      try {
        const challenge = (await (
          await fetch(`${api}/challenge`, { headers: { "x-draht-session": token } })
        ).json()) as { challenge: string; bits: number };
        const work = { challenge: challenge.challenge, nonce: solveChallenge(challenge.challenge, challenge.bits) };
        const response = await post(
          `${api}/posts/${scene.entryId}/comments`,
          { displayName: `Bürger ${n % 7}`, text: `Frage Nummer ${n}: Wann öffnet das Amt ${n}?`, work },
          token,
        );
        if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        else throw new Error(`comment ${n} refused: ${response.status} ${await response.text()}`);
        if (acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL && !killed) {
          killed = true;
          child.kill("SIGKILL");
        }
      } catch (error) {
        if (!killed) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, citizen));
  expect(await exited).toBe("SIGKILL");
  expect(acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);

  database = await open();
  try {
    const messages = await database.db
      .select({ externalId: inboundMessages.externalId, conversationId: inboundMessages.conversationId })
      .from(inboundMessages)
      .where(
        and(eq(inboundMessages.channelAccountId, scene.account.id), inArray(inboundMessages.externalId, acknowledged)),
      );
    expect(messages).toHaveLength(acknowledged.length);
    expect(messages.every((m) => m.conversationId !== null)).toBe(true);
    // Nothing half-stored: every comment that exists has its inbox copy, threaded.
    const comments = await database.db
      .select({ id: websiteComments.id })
      .from(websiteComments)
      .where(eq(websiteComments.entryId, scene.entryId));
    const copies = await database.db
      .select({ id: inboundMessages.externalId })
      .from(inboundMessages)
      .where(and(eq(inboundMessages.channelAccountId, scene.account.id), isNotNull(inboundMessages.conversationId)));
    expect(new Set(copies.map((c) => c.id))).toEqual(new Set(comments.map((c) => c.id)));
  } finally {
    await database.close();
  }
});
