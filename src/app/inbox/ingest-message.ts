// One inbound message through the ingestion pipeline (ingest-messages.ts), in the caller's transaction:
// a connector's own record (e.g. a website comment) and the inbound message commit together.
import type { Db, Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import type { TInboundMessageInput } from "../../domain/inbound.js";
import type { TextAnalyser } from "../../text/analysis.js";
import { type IngestOutcome, type Premoderated, ingestMessages } from "./ingest-messages.js";

export async function ingestMessage(
  tx: Db | Tx,
  options: {
    orgId: string;
    message: TInboundMessageInput;
    analyser: TextAnalyser;
    now: Date;
    publicUrl: string;
    premoderated?: Premoderated;
  },
): Promise<Exclude<IngestOutcome, { status: "rejected" }>> {
  const [outcome] = await ingestMessages(tx, {
    orgId: options.orgId,
    messages: [options.message],
    analyser: options.analyser,
    now: options.now,
    publicUrl: options.publicUrl,
    premoderated: [options.premoderated],
  });
  if (!outcome) throw new Error("ingestion returned no outcome");
  if (outcome.status === "rejected") throw new AppError("VALIDATION_FAILED", { details: { reason: outcome.reason } });
  return outcome;
}
