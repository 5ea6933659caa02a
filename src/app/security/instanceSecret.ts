// Secrets the instance makes for itself on first use and keeps in the database, so every process
// (web and worker, PGlite or server) derives the same HMACs without any setup.
import { createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { instanceSecrets } from "../../db/schema/index.js";

const cache = new WeakMap<Db, Map<string, Buffer>>();

export async function instanceSecret(db: Db, name: string): Promise<Buffer> {
  const known = cache.get(db)?.get(name);
  if (known) return known;
  await db
    .insert(instanceSecrets)
    .values({ name, value: randomBytes(32).toString("base64") })
    .onConflictDoNothing();
  const [row] = await db
    .select({ value: instanceSecrets.value })
    .from(instanceSecrets)
    .where(eq(instanceSecrets.name, name));
  if (!row) throw new Error(`instance secret ${name} could not be created`);
  const secret = Buffer.from(row.value, "base64");
  const forDb = cache.get(db) ?? new Map<string, Buffer>();
  forDb.set(name, secret);
  cache.set(db, forDb);
  return secret;
}

export function hmacHex(secret: Buffer, ...parts: string[]): string {
  return createHmac("sha256", secret).update(parts.join("\u0000")).digest("hex");
}
