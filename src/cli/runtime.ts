// Opens what every CLI command needs — configuration, logger, database, use-case context —
// and closes it again. Failures print a message meant for a person and set a non-zero exit code.
import { ZodError } from "zod";
import { buildAppContext, type AppContext, type Principal } from "../app/context.js";
import { bindInstallationKeys } from "../app/security/bind-installation-keys.js";
import { ConfigError, type TConfig, loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { withoutDatabaseValues } from "../db/queries/errors.js";
import { AppError } from "../domain/errors.js";
import { type Logger, createLogger } from "../logger.js";

export interface Runtime {
  config: TConfig;
  log: Logger;
  database: Database;
  ctx: AppContext;
}

export const CLI_ACTOR: Principal = { userId: null, label: "cli" };

const openConfiguredDatabase = (config: TConfig) =>
  openDatabase(
    config.DATABASE_URL ? { kind: "postgres", url: config.DATABASE_URL } : { kind: "pglite", dataDir: config.DATA_DIR },
  );

export async function openRuntime(options: { logLevel?: string } = {}): Promise<Runtime> {
  const config = loadConfig();
  const log = createLogger({ level: options.logLevel ?? config.LOG_LEVEL });
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    if (config.ALLOW_PRIVATE_NETWORK_SERVERS.length > 0)
      log.warn(
        { hosts: config.ALLOW_PRIVATE_NETWORK_SERVERS },
        "ALLOW_PRIVATE_NETWORK_SERVERS: network servers on private addresses and plain http are allowed (test networks only)",
      );
    // Before anything is written: refuses a key other than the one the database's data was written with.
    const keys = await bindInstallationKeys(database.db, config);
    return { config, log, database, ctx: buildAppContext({ db: database.db, log, config, keys }) };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** For commands that need the database alone (migrate): no key is read, generated or checked. */
export async function withDatabase(body: (database: Database) => Promise<void>): Promise<void> {
  let database: Database | undefined;
  try {
    database = await openConfiguredDatabase(loadConfig());
    await body(database);
    process.exitCode = 0;
  } catch (error) {
    console.error(`draht: ${describeError(error)}`);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}

/** Runs a command body with a runtime, reporting failures in plain words. */
export async function withRuntime(
  body: (runtime: Runtime) => Promise<number | void>,
  options: { logLevel?: string } = {},
): Promise<void> {
  let runtime: Runtime | undefined;
  try {
    runtime = await openRuntime({ logLevel: options.logLevel ?? "warn", ...options });
    const code = await body(runtime);
    process.exitCode = typeof code === "number" ? code : 0;
  } catch (error) {
    console.error(`draht: ${describeError(error)}`);
    process.exitCode = 1;
  } finally {
    await runtime?.database.close();
  }
}

export function describeError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof ZodError) {
    return `invalid input: ${error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")}`;
  }
  if (error instanceof AppError) {
    const details = error.details ? ` ${JSON.stringify(error.details)}` : "";
    return `${error.userMessage ?? error.code}${error.userMessage ? "" : details}`;
  }
  const safe = withoutDatabaseValues(error);
  return safe instanceof Error ? safe.message : String(safe);
}
