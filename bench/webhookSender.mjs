// Child process of bench/webhooks.ts: sends the signed deliveries it is given to the webhook endpoint, a
// fixed number at a time, and reports each request's time from sending to the answer (the 200 comes after
// the commit). Its own process, so the sender does not share the server's event loop.
process.once("message", async ({ url, deliveries, concurrency }) => {
  const latencies = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const sender = async () => {
    for (;;) {
      const index = next++;
      if (index >= deliveries.length) return;
      const { body, signature } = deliveries[index];
      const sent = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": signature },
        body,
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      if (response.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  process.send({ latencies, failed, seconds: (performance.now() - started) / 1000 }, () => process.exit(0));
});
