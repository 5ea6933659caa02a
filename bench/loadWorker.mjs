// The load generator of the public-page benchmark, in its own process so that it does not share the
// server's event loop: receives the plan over IPC, runs autocannon against the server and sends back the
// figures. Plain JavaScript (a child process, not a worker thread: autocannon treats worker threads as its
// own workers). The plan's shape is LoadPlan in publicPages.ts.
import autocannon from "autocannon";

const plan = await new Promise((resolve) => process.once("message", resolve));
const pick = () => plan.entryIds[Math.floor(Math.random() * plan.entryIds.length)] ?? "";
let next = 0;
const request =
  plan.kind === "page"
    ? { method: "GET", setupRequest: (req) => ({ ...req, path: `/p/${plan.orgSlug}/beitrag/${pick()}` }) }
    : {
        method: "POST",
        setupRequest: (req) => {
          const i = next++;
          const body = {
            displayName: `Bürger ${i}`,
            text: `Frage Nummer ${i}: Wann kommt der Bus ${Math.random().toString(36).slice(2)}?`,
            work: plan.works[i % plan.works.length],
          };
          return {
            ...req,
            path: `/api/public/orgs/${plan.orgSlug}/posts/${pick()}/comments`,
            headers: {
              "content-type": "application/json",
              "x-draht-session": plan.tokens[i % plan.tokens.length] ?? "",
              "x-forwarded-for": `10.2.${(i >> 8) & 255}.${i & 255}`,
            },
            body: JSON.stringify(body),
          };
        },
      };
const length = plan.amount ? { amount: plan.amount } : { duration: plan.durationSeconds ?? 10 };
const result = await autocannon({ url: plan.url, connections: plan.connections, ...length, requests: [request] });
process.send?.({
  average: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  total: result.requests.total,
  ok: result["2xx"],
  non2xx: result.non2xx,
  errors: result.errors,
});
process.disconnect();
