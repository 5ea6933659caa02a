// This browser's Web Push: whether it can, whether it is on, and turning it on (permission, the service
// worker web/public/push-worker.js, a subscription to the installation's VAPID key, handed to the server) and
// off again. Browser APIs only; the calls to draht go through notificationsApi.
import { notificationsApi } from "../../api/notifications";

export type PushState = "unsupported" | "denied" | "off" | "on";

const WORKER = "/push-worker.js";
// A scope of its own, controlling no page: push and clicks reach it whatever its scope, and the app's pages stay
// free for another service worker (one registration per scope).
const SCOPE = "/push/";

export function pushSupported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(SCOPE);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export async function pushState(): Promise<PushState> {
  if (!pushSupported()) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  // Some browsers refuse service workers in private windows: then push is not available here.
  return currentSubscription().then(
    (subscription) => (subscription ? "on" : "off"),
    () => "unsupported",
  );
}

/** The VAPID public key (base64url) as the bytes PushManager.subscribe takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export async function turnPushOn(): Promise<PushState> {
  if (!pushSupported()) return "unsupported";
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return permission === "denied" ? "denied" : "off";
  const registration = await activated(await navigator.serviceWorker.register(WORKER, { scope: SCOPE }));
  const { publicKey } = await notificationsApi.pushKey();
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  const json = subscription.toJSON();
  await notificationsApi.subscribe({
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
  });
  return "on";
}

/** A registration whose worker is active (subscribing needs one; `ready` waits only for the page's own worker). */
async function activated(registration: ServiceWorkerRegistration): Promise<ServiceWorkerRegistration> {
  const worker = registration.installing ?? registration.waiting;
  if (registration.active || !worker) return registration;
  await new Promise<void>((resolve) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve();
    });
  });
  return registration;
}

export async function turnPushOff(): Promise<PushState> {
  if (!pushSupported()) return "unsupported";
  const subscription = await currentSubscription();
  if (subscription) {
    await notificationsApi.unsubscribe(subscription.endpoint);
    await subscription.unsubscribe();
  }
  return "off";
}
