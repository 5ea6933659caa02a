// Reads a Server-Sent Events stream of the test app as a browser would, over a real loopback connection
// (inject() hands over a body only once it has ended), so a test can wait for an event instead of a time.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { SignedIn } from "./testApp.js";

export interface EventStream {
  /** Everything received so far. */
  text(): string;
  /** Resolves with everything received once `expected` has arrived (fails after 10 s). */
  until(expected: string): Promise<string>;
  close(): void;
}

export async function openEventStream(app: FastifyInstance, user: SignedIn, url: string): Promise<EventStream> {
  if (!app.server.listening) await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  let received = "";
  const waiting = new Set<() => void>();
  const request = http.get({ host: "127.0.0.1", port, path: url, headers: { cookie: user.cookie } });
  await new Promise<void>((resolve, reject) => {
    request.once("error", reject);
    request.once("response", (response) => {
      if (response.statusCode !== 200) return reject(new Error(`event stream answered ${response.statusCode}`));
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        received += chunk;
        for (const check of waiting) check();
      });
      resolve();
    });
  });
  return {
    text: () => received,
    until: (expected) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no "${expected}" within 10 s; received: ${received}`));
        }, 10_000);
        const check = () => {
          if (!received.includes(expected)) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(received);
        };
        waiting.add(check);
        check();
      }),
    close: () => request.destroy(),
  };
}
