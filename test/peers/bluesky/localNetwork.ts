// A real local AT Protocol network for tests: @atproto/dev-env starts a PLC directory, a PDS and the
// Bluesky AppView (with the moderation service) in a child process (networkProcess.ts), the AppView on the
// machine's PostgreSQL server and Redis (a private Redis is started when none runs), with no network access.
// Its schemas are dropped again when it closes. Without the AppView (`appView: false`) only the PLC directory
// and the PDS run, which need neither PostgreSQL nor Redis: enough for signing in and posting.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { AtpAgent, AtUri } from "@atproto/api";
import pg from "pg";

export const BLUESKY_POSTGRES_URL =
  process.env.BLUESKY_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface LocalBluesky {
  pdsUrl: string;
  /** The network's PLC directory (where DIDs resolve). */
  plcUrl: string;
  /** Lets the AppView index everything the PDS has (replies, notifications). */
  settle(): Promise<void>;
  /** Waits (up to 10 s) until the AppView knows the post (index a parent before its reply: dev-env's AppView indexes repos concurrently). */
  untilIndexed(agent: AtpAgent, uri: string): Promise<void>;
  /** Waits (up to 10 s) until the AppView shows `agent` the notification about `uri`. */
  untilNotified(agent: AtpAgent, uri: string): Promise<void>;
  createUser(handle: string): Promise<{ agent: AtpAgent; did: string; password: string }>;
  /** A strong reference (uri + cid) and the thread root of a post, for replying. */
  refOf(
    agent: AtpAgent,
    uri: string,
  ): Promise<{ ref: { uri: string; cid: string }; root: { uri: string; cid: string } }>;
  close(): Promise<void>;
}

/** Redis for the AppView: the machine's on 127.0.0.1:6379, or a private one started here when none answers. */
async function redisHost(): Promise<{ host: string; stop(): void }> {
  if (process.env.REDIS_HOST) return { host: process.env.REDIS_HOST, stop: () => {} };
  if (await answers(6379)) return { host: "127.0.0.1:6379", stop: () => {} };
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 50 && !(await answers(port)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return { host: `127.0.0.1:${port}`, stop: () => child.kill() };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.end(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

export async function startLocalBluesky(options: { appView?: boolean } = {}): Promise<LocalBluesky> {
  const appView = options.appView ?? true;
  if (appView) await requirePostgresServer();
  const redis = appView ? await redisHost() : { host: "", stop: () => {} };
  const schema = `draht_${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("")}`;
  const network = await forkNetwork({ appView, postgresUrl: BLUESKY_POSTGRES_URL, schema }, redis.host);
  const pdsUrl = network.pds.url;
  return {
    pdsUrl,
    plcUrl: network.plc.url,
    async settle() {
      await network.processAll();
    },
    async untilIndexed(agent, uri) {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        await network.processAll();
        if ((await agent.app.bsky.feed.getPosts({ uris: [uri] })).data.posts.length > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the AppView did not index ${uri} within 10 s`);
    },
    async untilNotified(agent, uri) {
      const deadline = Date.now() + 10_000;
      let seen: string[] = [];
      while (Date.now() < deadline) {
        await network.processAll();
        const list = await agent.app.bsky.notification.listNotifications({ limit: 50 });
        seen = list.data.notifications.map((n) => `${n.reason} ${n.uri} ${n.indexedAt}`);
        if (list.data.notifications.some((n) => n.uri === uri)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const thread = await agent.app.bsky.feed
        .getPosts({ uris: [uri] })
        .then((r) => r.data.posts.length)
        .catch((e: Error) => e.message);
      throw new Error(
        `the AppView did not notify about ${uri} within 10 s (post known to the AppView: ${thread}; notifications: ${seen.join("; ")})`,
      );
    },
    async createUser(handle) {
      const agent = new AtpAgent({ service: pdsUrl });
      const password = `pw-${randomBytes(6).toString("hex")}`;
      const created = await agent.createAccount({
        handle,
        email: `${handle.replace(/\W/g, "")}@example.test`,
        password,
      });
      return { agent, did: created.data.did, password };
    },
    async refOf(agent, uri) {
      const at = new AtUri(uri);
      const record = await agent.com.atproto.repo.getRecord({
        repo: at.host,
        collection: at.collection,
        rkey: at.rkey,
      });
      const ref = { uri, cid: record.data.cid ?? "" };
      const root = (record.data.value as { reply?: { root?: { uri: string; cid: string } } }).reply?.root ?? ref;
      return { ref, root };
    },
    async close() {
      await network.close();
      redis.stop();
      if (!appView) return;
      const client = new pg.Client({ connectionString: BLUESKY_POSTGRES_URL });
      await client.connect();
      try {
        const { rows } = await client.query<{ nspname: string }>(
          "select nspname from pg_namespace where nspname like $1",
          [`%${schema}%`],
        );
        for (const row of rows) await client.query(`drop schema if exists "${row.nspname.replace(/"/g, "")}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The AppView keeps its data on the PostgreSQL server: say so plainly when there is none. */
async function requirePostgresServer(): Promise<void> {
  const client = new pg.Client({ connectionString: BLUESKY_POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `the local Bluesky network's AppView needs the PostgreSQL server at ${BLUESKY_POSTGRES_URL} ` +
        "(set BLUESKY_TEST_POSTGRES_URL); tests that use it are listed in vitest.config.ts NEEDS_POSTGRES_SERVER " +
        "and run in .ci/run's PostgreSQL stage",
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

interface ForkedNetwork {
  pds: { url: string };
  plc: { url: string };
  processAll(): Promise<void>;
  close(): Promise<void>;
}

/** Starts networkProcess.ts and speaks to it over the IPC channel: one request at a time, answered by id. */
async function forkNetwork(
  options: { appView: boolean; postgresUrl: string; schema: string },
  redisHost: string,
): Promise<ForkedNetwork> {
  const child = fork(new URL("./networkProcess.ts", import.meta.url), [JSON.stringify(options)], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...(redisHost ? { REDIS_HOST: redisHost } : {}) },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let errorOutput = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errorOutput = (errorOutput + chunk.toString("utf8")).slice(-4000);
  });
  const ready = await new Promise<{ pdsUrl: string; plcUrl: string }>((resolve, reject) => {
    child.once("message", (message) => resolve(message as { pdsUrl: string; plcUrl: string }));
    child.once("exit", (code) => reject(new Error(`the local Bluesky network exited (${code}): ${errorOutput}`)));
  });
  let nextId = 0;
  const ask = (op: "processAll" | "close") => request(child, ++nextId, op, () => errorOutput);
  return {
    pds: { url: ready.pdsUrl },
    plc: { url: ready.plcUrl },
    processAll: () => ask("processAll"),
    close: async () => {
      if (child.connected) await ask("close");
      if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

function request(child: ChildProcess, id: number, op: string, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const answer = message as { id?: number; ok?: boolean; error?: string };
      if (answer.id !== id) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      if (answer.ok) resolve();
      else reject(new Error(`the local Bluesky network failed at ${op}: ${answer.error}`));
    };
    const onExit = (code: number | null) => {
      child.off("message", onMessage);
      reject(new Error(`the local Bluesky network exited (${code}) during ${op}: ${output()}`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.send({ id, op });
  });
}
