// A person signing in on the PDS's own authorisation page and approving draht, as its browser page does
// it: the page sets its device and CSRF cookies, then its JSON API signs in and records the consent.
// (node:http, not fetch: the API checks Sec-Fetch-* headers, which fetch may not set.)
import http from "node:http";

type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string };

/** Signs in as `username` and approves; returns where the PDS sends the browser back (draht's redirect URI with code, state and iss). */
export async function approveOnPds(authoriseUrl: string, username: string, password: string): Promise<URL> {
  const page = new URL(authoriseUrl);
  const jar = new Map<string, string>();
  const request = (target: URL, method: string, headers: Record<string, string>, body?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
      const req = http.request(target, { method, headers: { ...headers, ...(cookie ? { cookie } : {}) } }, (res) => {
        for (const c of res.headers["set-cookie"] ?? []) {
          const pair = c.split(";")[0] ?? "";
          jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
        }
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on("error", reject);
      req.end(body);
    });
  const shown = await request(page, "GET", {
    accept: "text/html",
    "sec-fetch-mode": "navigate",
    "sec-fetch-dest": "document",
    "sec-fetch-site": "cross-site",
  });
  if (shown.status !== 200) throw new Error(`authorisation page answered ${shown.status}: ${shown.text.slice(0, 200)}`);
  const api = async (endpoint: string, body: unknown) => {
    const answer = await request(
      new URL(`/@atproto/oauth-provider/~api${endpoint}`, page.origin),
      "POST",
      {
        "content-type": "application/json",
        origin: page.origin,
        referer: page.href,
        "sec-fetch-mode": "same-origin",
        "sec-fetch-site": "same-origin",
        "sec-fetch-dest": "empty",
        "x-csrf-token": jar.get("csrf-token") ?? "",
      },
      JSON.stringify(body),
    );
    if (answer.status !== 200) throw new Error(`${endpoint} answered ${answer.status}: ${answer.text}`);
    return JSON.parse(answer.text) as Record<string, unknown>;
  };
  const signedIn = await api("/sign-in", { locale: "de", username, password, remember: true });
  const sub = (signedIn.account as { sub: string }).sub;
  const consent = await api("/consent", { sub });
  // The page would now follow this redirect page to the client's redirect URI, carrying these parameters.
  const via = new URL(String(consent.url));
  const back = new URL(via.searchParams.get("redirect_uri") ?? "");
  for (const [key, value] of via.searchParams)
    if (key !== "redirect_uri" && key !== "redirect_mode") back.searchParams.set(key, value);
  return back;
}
