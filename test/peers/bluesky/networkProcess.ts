// The local Bluesky network's own process (forked by localNetwork.ts): @atproto/dev-env's PLC directory and PDS,
// and with `appView` the Bluesky AppView on the PostgreSQL server and Redis. It runs apart from the test process
// so that the network's own database driver use never mixes with draht's: in the test processes any deprecation
// warning fails the test (test/support/failOnWarnings.ts).
import { TestNetwork, TestNetworkNoAppView } from "@atproto/dev-env";
import { z } from "zod";

const ZOptions = z.object({ appView: z.boolean(), postgresUrl: z.string(), schema: z.string() });
const ZRequest = z.object({ id: z.number(), op: z.enum(["processAll", "close"]) });

// @atproto/bsky's database pool sends two set-up queries on each new connection without waiting for the first
// (data-plane/server/db/db.ts), which pg 8 reports as deprecated. It is the AppView's code, not draht's: it is
// dropped here, and only here; every other warning is printed.
process.removeAllListeners("warning");
process.on("warning", (warning) => {
  const knownUpstream =
    warning.message.startsWith("Calling client.query() when the client is already executing a query") &&
    (warning.stack ?? "").includes("@atproto/bsky");
  if (!knownUpstream) process.stderr.write(`${warning.stack ?? warning.message}\n`);
});

const send = (message: unknown) => process.send?.(message);
const options = ZOptions.parse(JSON.parse(process.argv[2] ?? "{}"));
const network = options.appView
  ? await TestNetwork.create({ dbPostgresUrl: options.postgresUrl, dbPostgresSchema: options.schema })
  : await TestNetworkNoAppView.create({});

process.on("message", async (message) => {
  const { id, op } = ZRequest.parse(message);
  try {
    if (op === "processAll") await network.processAll();
    else {
      // Let the AppView index what is still queued (deletions above all): closing otherwise waits for it.
      await network.processAll().catch(() => {});
      await network.close();
    }
    send({ id, ok: true });
  } catch (error) {
    send({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  if (op === "close") process.disconnect();
});
// The test process went away without closing: do not linger.
process.on("disconnect", () => process.exit(0));
send({ ready: true, pdsUrl: network.pds.url, plcUrl: network.plc.url });
