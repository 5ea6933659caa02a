// A push service for tests, as a browser vendor runs one (RFC 8030): draht POSTs a message to a browser's
// subscription address; this server checks the VAPID Authorization header (RFC 8292: an ES256 JWT for this
// origin, signed by the key named in k=) and decrypts the aes128gcm payload (RFC 8291) with the private key
// of the browser it made the subscription for — what the browser itself would do. It keeps what it received.
import { type ECDH, createECDH, createPublicKey, randomBytes, verify } from "node:crypto";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { decrypt } from "http_ece";

export interface ReceivedPush {
  subscriptionId: string;
  /** The VAPID key the message was signed with (k=), and the JWT's claims. */
  vapidPublicKey: string;
  claims: { aud: string; exp: number; sub: string };
  ttl: string | undefined;
  urgency: string | undefined;
  /** The decrypted payload. */
  payload: unknown;
}

export interface PushService {
  /** A browser's subscription (PushSubscription.toJSON()), with the browser's keys kept here. */
  subscribe(): { endpoint: string; keys: { p256dh: string; auth: string } };
  /** Ends a subscription: its address answers 410 Gone from now on. */
  expire(endpoint: string): void;
  /** The next requests answer this status instead (e.g. 503 for a service in trouble). */
  failNext(status: number, times: number): void;
  received: ReceivedPush[];
  refused: { subscriptionId: string; reason: string }[];
  close(): Promise<void>;
}

const b64url = (b: Buffer) => b.toString("base64url");

/** The P-256 public key (uncompressed point, base64url) as a KeyObject for verifying. */
function publicKeyOf(raw: string) {
  const point = Buffer.from(raw, "base64url");
  if (point.length !== 65 || point[0] !== 4) throw new Error("not an uncompressed P-256 point");
  return createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) },
    format: "jwk",
  });
}

/** Checks the Authorization header; returns the key and claims, or why it is refused. */
function checkVapid(header: string | undefined, origin: string, now: number) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? "");
  if (!match?.[1] || !match[2]) return { refused: "no vapid authorization" } as const;
  const [head, body, signature] = match[1].split(".") as [string, string, string];
  const valid = verify(
    "sha256",
    Buffer.from(`${head}.${body}`),
    { key: publicKeyOf(match[2]), dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!valid) return { refused: "bad signature" } as const;
  const alg = JSON.parse(Buffer.from(head, "base64url").toString()) as { alg?: string };
  const claims = JSON.parse(Buffer.from(body, "base64url").toString()) as ReceivedPush["claims"];
  if (alg.alg !== "ES256") return { refused: "not ES256" } as const;
  if (claims.aud !== origin) return { refused: "wrong audience" } as const;
  if (!(claims.exp * 1000 > now && claims.exp * 1000 <= now + 24 * 3_600_000))
    return { refused: "bad expiry" } as const;
  if (!/^(mailto:|https:)/.test(claims.sub)) return { refused: "bad subject" } as const;
  return { key: match[2], claims } as const;
}

export async function startPushService(): Promise<PushService> {
  const browsers = new Map<string, { ecdh: ECDH; auth: Buffer; gone: boolean }>();
  const received: ReceivedPush[] = [];
  const refused: PushService["refused"] = [];
  let failing = { status: 0, times: 0 };
  let origin = "";

  const handle = (request: IncomingMessage, response: ServerResponse, raw: Buffer) => {
    const id = /^\/push\/([\w-]+)$/.exec(request.url ?? "")?.[1] ?? "";
    const browser = browsers.get(id);
    const answer = (status: number) => response.writeHead(status).end();
    if (request.method !== "POST" || !browser) return answer(404);
    if (browser.gone) return answer(410);
    if (failing.times > 0) {
      failing.times -= 1;
      return answer(failing.status);
    }
    const vapid = checkVapid(request.headers.authorization, origin, Date.now());
    if ("refused" in vapid) {
      refused.push({ subscriptionId: id, reason: vapid.refused ?? "" });
      return answer(403);
    }
    if (request.headers["content-encoding"] !== "aes128gcm") {
      refused.push({ subscriptionId: id, reason: "not aes128gcm" });
      return answer(415);
    }
    const plain = decrypt(raw, { version: "aes128gcm", privateKey: browser.ecdh, authSecret: browser.auth });
    received.push({
      subscriptionId: id,
      vapidPublicKey: vapid.key,
      claims: vapid.claims,
      ttl: request.headers.ttl as string | undefined,
      urgency: request.headers.urgency as string | undefined,
      payload: JSON.parse(plain.toString("utf8")),
    });
    return answer(201);
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        handle(request, response, Buffer.concat(chunks));
      } catch (error) {
        refused.push({ subscriptionId: "", reason: String(error) });
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    subscribe() {
      const id = randomBytes(8).toString("hex");
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      browsers.set(id, { ecdh, auth, gone: false });
      return { endpoint: `${origin}/push/${id}`, keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) } };
    },
    expire(endpoint) {
      const browser = browsers.get(endpoint.slice(endpoint.lastIndexOf("/") + 1));
      if (browser) browser.gone = true;
    },
    failNext(status, times) {
      failing = { status, times };
    },
    received,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
