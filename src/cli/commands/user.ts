// `draht user add|list|reset-password`: people of this installation.
import type { Command } from "commander";
import { z } from "zod";
import { addUser } from "../../app/users/add-user.js";
import { listUsers } from "../../app/users/list-users.js";
import { resetUserPassword } from "../../app/users/reset-user-password.js";
import { ROLES } from "../../domain/roles.js";
import { CLI_ACTOR, withRuntime } from "../runtime.js";

const ZRoleList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(ROLES, { error: `roles must be among: ${ROLES.join(", ")}` })).min(1));

export function registerUser(program: Command): void {
  const user = program.command("user").description("manage user accounts");
  user
    .command("add")
    .description("add a person to an organisation (creates the account if needed)")
    .requiredOption("--org <slug>", "organisation slug")
    .requiredOption("--email <email>", "e-mail address (the login)")
    .requiredOption("--name <name>", "full name")
    .requiredOption("--role <roles>", `comma-separated roles: ${ROLES.join(", ")}`)
    .option("--password <password>", "initial password (otherwise a temporary one is generated and printed)")
    .action((options: { org: string; email: string; name: string; role: string; password?: string }) =>
      withRuntime(async ({ ctx }) => {
        const result = await addUser(ctx, {
          actor: CLI_ACTOR,
          orgSlug: options.org,
          input: {
            email: options.email,
            name: options.name,
            roles: ZRoleList.parse(options.role),
            initialPassword: options.password,
          },
        });
        console.log(
          result.existingAccount
            ? `Existing account ${options.email} added to ${options.org}.`
            : `Account ${options.email} created in ${options.org}; the password must be changed at first login.`,
        );
        if (result.temporaryPassword) console.log(`Temporary password: ${result.temporaryPassword}`);
      }),
    );
  user
    .command("list")
    .description("list accounts and their memberships")
    .option("--org <slug>", "only members of this organisation")
    .option("--json", "print JSON lines")
    .action((options: { org?: string; json?: boolean }) =>
      withRuntime(async ({ ctx }) => {
        const users = await listUsers(ctx, { orgSlug: options.org });
        for (const u of users) {
          const flags = u.disabled ? "disabled" : "";
          console.log(options.json ? JSON.stringify(u) : `${u.email}\t${u.name}\t${u.memberships.join(" ")}\t${flags}`);
        }
      }),
    );
  user
    .command("reset-password")
    .description("replace a person's password with a temporary one and end their sessions")
    .argument("<email>", "the account's e-mail address")
    .action((email: string) =>
      withRuntime(async ({ ctx }) => {
        const { temporaryPassword } = await resetUserPassword(ctx, { actor: CLI_ACTOR, email });
        console.log(`Temporary password for ${email}: ${temporaryPassword}`);
        console.log("It must be changed at the next login; all sessions of this account were ended.");
      }),
    );
}
