/// <reference lib="dom" />
// Browser-test support: Debian's Chromium driven by playwright-core, the server on a loopback port,
// and axe-core checks that fail on any WCAG 2.1 A/AA violation.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { DEMO_PASSWORD } from "../../src/app/demo/load-demo-data.js";
import { WEB_ROOT, WIDGET_ROOT } from "../../src/paths.js";
import { type TestApp, startTestApp } from "../support/testApp.js";
import { DEMO_NOW } from "./demoSnapshot.js";

export { DEMO_NOW };

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface ServedApp extends TestApp {
  baseUrl: string;
}

/** `port`: listen there (when PUBLIC_URL must be known before the server starts, e.g. for OAuth redirects). */
export async function serveApp(
  options: { env?: Record<string, string>; clock?: () => Date; port?: number; snapshot?: "migrated" | "demo" } = {},
): Promise<ServedApp> {
  const app = await startTestApp({
    webRoot: WEB_ROOT,
    widgetRoot: WIDGET_ROOT,
    env: options.env,
    clock: options.clock,
    snapshot: options.snapshot,
  });
  await app.app.listen({ host: "127.0.0.1", port: options.port ?? 0 });
  const address = app.app.server.address();
  if (!address || typeof address === "string") throw new Error("server has no TCP address");
  return { ...app, baseUrl: `http://127.0.0.1:${address.port}` };
}

/**
 * The app on a copy of the demo that the run's setup loaded once with the clock at DEMO_NOW (test/e2e/demoSnapshot.ts):
 * for a test file whose `clock` starts on that day, at DEMO_NOW or up to 12 hours later — the same data as loading
 * the demo at DEMO_NOW and serving it from then. Without a clock, one running on from DEMO_NOW.
 */
export function serveDemoApp(options: { clock?: () => Date; env?: Record<string, string> } = {}): Promise<ServedApp> {
  const clock = options.clock ?? runningClock(DEMO_NOW);
  const after = clock().getTime() - DEMO_NOW.getTime();
  if (after < 0 || after > 12 * 3_600_000)
    throw new Error(
      `the demo snapshot was loaded at ${DEMO_NOW.toISOString()}; a clock at ${clock().toISOString()} needs its own`,
    );
  return serveApp({ ...options, clock, snapshot: "demo" });
}

/** A clock that starts at `start` when the test file loads and runs on in real time. */
export function runningClock(start: Date): () => Date {
  const startedAt = Date.now();
  return () => new Date(start.getTime() + (Date.now() - startedAt));
}

/** Runs axe-core on the current page and fails the test on any WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: unknown,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
};

/**
 * A second web server on another origin (localhost instead of 127.0.0.1) serving the widget's demo page,
 * as a municipality's own website would embed the widget.
 */
export async function serveEmbeddingSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const { createServer } = await import("node:http");
  const { readFile } = await import("node:fs/promises");
  const path = await import("node:path");
  const server = createServer((request, response) => {
    const name = path.basename(new URL(request.url ?? "/", "http://x").pathname);
    if (!["demo.html", "demo-setup.js", "demo.css"].includes(name)) {
      response.writeHead(404).end();
      return;
    }
    readFile(path.join(WIDGET_ROOT, name)).then(
      (body) =>
        response
          .writeHead(200, { "content-type": CONTENT_TYPES[path.extname(name)] ?? "application/octet-stream" })
          .end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return {
    origin: `http://localhost:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Fills in and sends the login form (the outcome is the caller's to check). */
export async function submitLogin(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

/** Signs in and waits for the admin app's main navigation. */
export async function signInAs(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await submitLogin(page, baseUrl, email, password);
  await page.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();
}

export interface DemoSession {
  server: ServedApp;
  browser: Browser;
  /** Signed in, 1280×900, accepting downloads. */
  page: Page;
  /** The page's console errors that name the Content-Security-Policy (a test expects none). */
  cspViolations: string[];
}

/**
 * For a test file: the demo's data served with the clock at DEMO_NOW and Chromium signed in as the demo person
 * `email`, opened before the file's tests (within `timeout` ms) and closed after them. Read its fields in the tests.
 */
export function useDemoSession(email: string, { timeout = 300_000 } = {}): DemoSession {
  let opened: (DemoSession & { close(): Promise<void> }) | undefined;
  beforeAll(async () => {
    opened = await openDemoSession(email);
  }, timeout);
  afterAll(() => opened?.close());
  const current = () => {
    if (!opened) throw new Error("the demo session is not open: its beforeAll failed or has not run");
    return opened;
  };
  return {
    get server() {
      return current().server;
    },
    get browser() {
      return current().browser;
    },
    get page() {
      return current().page;
    },
    get cspViolations() {
      return current().cspViolations;
    },
  };
}

async function openDemoSession(email: string): Promise<DemoSession & { close(): Promise<void> }> {
  const server = await serveDemoApp({ clock: () => DEMO_NOW });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server.close();
  };
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content.Security.Policy/i.test(message.text()))
        cspViolations.push(message.text());
    });
    await signInAs(page, server.baseUrl, email, DEMO_PASSWORD);
    return { server, browser, page, cspViolations, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A TCP port that is free now (for a server whose own address must be configured before it starts). */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
