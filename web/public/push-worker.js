// draht's service worker for Web Push: shows a notice the server pushed (title, a line, where it leads) and
// opens that page in the app when the notice is clicked — an open draht tab if there is one. It caches
// nothing and serves no requests (its scope /push/ holds no page). The payload arrives decrypted by the
// browser; it holds no personal data.
/* global self */

self.addEventListener("push", (event) => {
  let notice = { title: "draht", body: "", url: "/", tag: undefined };
  try {
    notice = { ...notice, ...event.data.json() };
  } catch {
    // A push without a readable payload still tells the person something is waiting.
  }
  event.waitUntil(
    self.registration.showNotification(notice.title, {
      body: notice.body,
      tag: notice.tag,
      lang: "de",
      data: { url: notice.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  // Only addresses of this installation are opened.
  const target = new URL(event.notification.data?.url ?? "/", self.location.origin);
  const url = target.origin === self.location.origin ? target.href : self.location.origin;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      // navigate() works only in a window this worker controls; otherwise a new one opens.
      if (open)
        return open.navigate(url).then(
          (shown) => (shown ? shown.focus() : self.clients.openWindow(url)),
          () => self.clients.openWindow(url),
        );
      return self.clients.openWindow(url);
    }),
  );
});
