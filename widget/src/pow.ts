// Solves the server's proof-of-work challenge in the browser with Web Crypto, in batches so the page
// stays responsive.
import { leadingZeroBits, workInput } from "../../src/domain/website/proofOfWork.js";

const encoder = new TextEncoder();

export async function solve(challenge: string, bits: number): Promise<string> {
  for (let base = 0; ; base += 256) {
    const batch = Array.from({ length: 256 }, (_, i) => (base + i).toString(36));
    const hashes = await Promise.all(
      batch.map((nonce) => crypto.subtle.digest("SHA-256", encoder.encode(workInput(challenge, nonce)))),
    );
    const found = hashes.findIndex((hash) => leadingZeroBits(new Uint8Array(hash)) >= bits);
    if (found >= 0) return batch[found] as string;
  }
}
