// `draht credentials rotate`: re-seal every stored channel secret with the current CREDENTIALS_KEY.
import type { Command } from "commander";
import { rotateCredentialKey } from "../../app/channels/rotate-credential-key.js";
import { withRuntime } from "../runtime.js";

export function registerCredentials(program: Command): void {
  const credentials = program.command("credentials").description("channel credentials sealed at rest (AES-256-GCM)");
  credentials
    .command("rotate")
    .description(
      "re-seal all channel credentials with CREDENTIALS_KEY; keep the old key in CREDENTIALS_KEYS_PREVIOUS until this has run",
    )
    .option("--org <slug>", "only this organisation's accounts")
    .action((options: { org?: string }) =>
      withRuntime(async ({ ctx }) => {
        const result = await rotateCredentialKey(ctx, { orgSlug: options.org });
        console.log(
          `Re-sealed ${result.credentials} account credential(s), ${result.webhookSecrets} webhook secret(s), ${result.clients} OAuth client secret(s), ${result.signingKeys} feed signing key(s) and ${result.vapidKeys} Web Push key(s) with key ${ctx.credentials.currentKeyId}; ${result.alreadyCurrent} already current.`,
        );
        console.log("The earlier key can now be removed from CREDENTIALS_KEYS_PREVIOUS.");
        return 0;
      }),
    );
}
