// An in-process server on the test database, with helpers to sign in and call the API.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { AppContext } from "../../src/app/context.js";
import { loadConfig } from "../../src/config.js";
import type { Database } from "../../src/db/client.js";
import { type Logger, createLogger } from "../../src/logger.js";
import { type DrahtApp, buildApp } from "../../src/server/app.js";
import { TEST_ENV, buildTestContext } from "./factories.js";
import { openTestDatabase } from "./testDb.js";

export interface TestApp extends DrahtApp {
  ctx: AppContext;
  database: Database;
  close(): Promise<void>;
}

export async function startTestApp(
  options: {
    env?: Record<string, string>;
    clock?: () => Date;
    webRoot?: string;
    widgetRoot?: string;
    /** The server's and the use cases' logger (default: silent); tests that read the log pass their own. */
    logger?: Logger;
    /** Start from the demo the browser tests' run setup loaded (see openTestDatabase). */
    snapshot?: "migrated" | "demo";
    /** A database of the test's own, migrated (a second installation); closed with the app. */
    database?: Database;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase({ snapshot: options.snapshot }));
  const env = { ...TEST_ENV, ...options.env };
  const logger = options.logger ?? createLogger({ level: "silent" });
  const ctx = buildTestContext(database.db, { clock: options.clock, env, log: logger });
  const built = await buildApp({
    config: loadConfig(env),
    ctx,
    logger,
    ping: database.ping,
    listen: database.listen,
    webRoot: options.webRoot,
    widgetRoot: options.widgetRoot,
  });
  await built.app.ready();
  return {
    ...built,
    ctx,
    database,
    close: async () => {
      await built.app.close();
      await database.close();
    },
  };
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<SignedIn> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookieOf(response);
  const session = await app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie } });
  const csrfToken = (session.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrfToken,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as "GET",
        url,
        headers: {
          cookie,
          "x-csrf-token": csrfToken,
          ...(Buffer.isBuffer(body) ? { "content-type": "application/octet-stream" } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      }),
  };
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "draht_session");
  if (!cookie) throw new Error("no session cookie set");
  return `draht_session=${cookie.value}`;
}
