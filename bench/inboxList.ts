// Inbox list benchmark: 1,000,000 stored messages in 100,000 conversations (30 % of them open, with due
// times around now), then the list use case as the inbox calls it: p50/p95 of the default view (open,
// most pressing first) and filtered views (overdue; one department; questions on one channel; all statuses; closed).
// The data is generated in SQL (generate_series); what is measured is the list, not the loading.
// Runs on embedded PGlite and, when reachable, on the PostgreSQL server (BENCH_DATABASE_URL, default local).
import { sql } from "drizzle-orm";
import { installationActorIn } from "../src/app/authorization.js";
import { createChannelAccount } from "../src/app/channels/create-channel-account.js";
import { type AppContext, buildAppContext } from "../src/app/context.js";
import { createDepartment } from "../src/app/departments/create-department.js";
import { listConversations } from "../src/app/inbox/list-conversations.js";
import { addMemberUnchecked } from "../src/app/members/add-member.js";
import { createOrganisation } from "../src/app/orgs/create-organisation.js";
import { bindInstallationKeys } from "../src/app/security/bind-installation-keys.js";
import { loadConfig } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { runOnEveryDatabase } from "./support.js";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const MESSAGES_PER_CONVERSATION = 10;
const RUNS = 200;
const WARMUP = 20;
const SYSTEM = { userId: null, label: "bench" };

async function runOn(label: string, database: Database): Promise<boolean> {
  console.log(`\n## ${label}`);
  const config = loadConfig({ ARGON2_MEMORY_KIB: "1024", ARGON2_ITERATIONS: "1" });
  const keys = await bindInstallationKeys(database.db, config);
  const ctx = buildAppContext({ db: database.db, log: createLogger({ level: "silent" }), config, keys });
  const started = performance.now();
  const scene = await generate(ctx);
  console.log(
    `generated ${CONVERSATIONS * MESSAGES_PER_CONVERSATION} messages in ${CONVERSATIONS} conversations in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const views: { label: string; filter: Record<string, string> }[] = [
    { label: "default view (open, most pressing first)", filter: {} },
    { label: "overdue", filter: { overdue: "true" } },
    { label: "one department", filter: { departmentId: scene.departmentIds[2] ?? "" } },
    { label: "questions on one channel", filter: { intent: "question", channelAccountId: scene.accountIds[3] ?? "" } },
    { label: "all statuses, newest first", filter: { status: "all" } },
    { label: "closed, newest first", filter: { status: "closed" } },
  ];
  let worstP95 = 0;
  for (const view of views) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now();
      const page = await listConversations(ctx, { actor: scene.actor, orgId: scene.orgId, filter: view.filter });
      if (i >= WARMUP) times.push(performance.now() - t0);
      rows = page.conversations.length;
    }
    times.sort((a, b) => a - b);
    const pct = (q: number) => times[Math.floor(q * (times.length - 1))] ?? 0;
    worstP95 = Math.max(worstP95, pct(0.95));
    console.log(
      `  ${view.label}: p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms (${rows} rows per page, ${RUNS} runs)`,
    );
  }
  if (database.kind === "postgres")
    console.log(
      `  target p95 < 50 ms on the PostgreSQL server: ${worstP95 < 50 ? "met" : "NOT met"} (worst view ${worstP95.toFixed(1)} ms)`,
    );
  return true;
}

async function generate(ctx: AppContext) {
  const org = await createOrganisation(ctx, {
    actor: SYSTEM,
    input: { name: "Benchstadt Inbox", slug: `bench-inbox-${Date.now()}`, state: "NW" },
  });
  const actor = installationActorIn(org.id, SYSTEM);
  const accountIds: string[] = [];
  for (let i = 0; i < 10; i++)
    accountIds.push(
      (await createChannelAccount(ctx, { actor, orgId: org.id, input: { name: `Kanal ${i + 1}`, network: "sandbox" } }))
        .id,
    );
  const departmentIds: string[] = [];
  for (let i = 0; i < 5; i++)
    departmentIds.push((await createDepartment(ctx, { actor, orgId: org.id, input: { name: `Amt ${i + 1}` } })).id);
  const userIds: string[] = [];
  for (let i = 0; i < 8; i++) {
    const email = `bench-${Date.now()}-${i}@example.org`;
    userIds.push(
      (
        await addMemberUnchecked(ctx, {
          actor: SYSTEM,
          orgId: org.id,
          input: { email, name: `Person ${i + 1}`, roles: ["editor"] },
        })
      ).userId,
    );
  }
  const uuids = (ids: string[]) =>
    sql`array[${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]`;
  const now = new Date().toISOString();
  // Open conversations (g % 10 < 3) wait since up to ~3 days, with a 4-hour target: some overdue, some not.
  await ctx.db.execute(sql`
    insert into conversations (org_id, channel_account_id, thread_key, citizen_handle, citizen_name, status, department_id, assignee_user_id,
                               intent, sentiment, flagged, asked_again, first_message_at, waiting_since, response_due_at, last_message_at,
                               first_response_at, last_response_at, closed_at, created_at)
    select ${org.id}::uuid, (${uuids(accountIds)})[1 + (g / 11) % 10], 'post-' || (g % 5000), '@buerger' || g, 'Bürger ' || g,
           case when g % 10 < 3 then (case when g % 2 = 0 then 'new' else 'open' end) when g % 10 < 6 then 'answered' else 'closed' end,
           (${uuids(departmentIds)})[1 + (g / 7) % 5], case when g % 4 = 0 then null else (${uuids(userIds)})[1 + g % 8] end,
           (array['question', 'complaint', 'praise', 'fact_claim', 'other'])[1 + (g / 3) % 5], ((g % 21) - 10) / 10.0, g % 50 = 0, g % 97 = 0,
           t.first, case when g % 10 < 3 then t.last end, case when g % 10 < 3 then t.last + interval '4 hours' end, t.last,
           case when g % 10 >= 3 then t.last + interval '1 hour' end, case when g % 10 >= 3 then t.last + interval '1 hour' end,
           case when g % 10 >= 6 then t.last + interval '2 hours' end, t.first
      from generate_series(1, ${CONVERSATIONS}) g,
           lateral (select ${now}::timestamptz - ((g * 37) % 4320) * interval '1 minute' - interval '30 minutes' as last,
                           ${now}::timestamptz - ((g * 37) % 4320) * interval '1 minute' - interval '300 minutes' as first) t`);
  await ctx.db.execute(sql`
    update conversations set priority = case
        when response_due_at <= ${now}::timestamptz and intent = 'question' then 3
        when response_due_at <= ${now}::timestamptz or asked_again then 2
        when intent = 'question' then 1 else 0 end,
        escalation_level = case when response_due_at <= ${now}::timestamptz then 1 else 0 end
     where org_id = ${org.id}::uuid and status in ('new', 'open')`);
  await ctx.db.execute(sql`
    insert into inbound_messages (org_id, channel_account_id, external_id, conversation_id, kind, author_handle, author_name, text,
                                  visibility, received_at, raw, intent, sentiment)
    select c.org_id, c.channel_account_id, c.citizen_handle || '-' || s, c.id, 'reply', c.citizen_handle, c.citizen_name,
           'Nachricht ' || s || ' zu ' || c.thread_key || ': Wann wird das erledigt?', 'visible',
           c.first_message_at + s * interval '20 minutes', '{}'::jsonb, c.intent, c.sentiment
      from conversations c cross join generate_series(1, ${MESSAGES_PER_CONVERSATION}) s
     where c.org_id = ${org.id}::uuid`);
  await ctx.db.execute(sql`analyze`);
  return { orgId: org.id, actor, accountIds, departmentIds };
}

await runOnEveryDatabase("Inbox list benchmark", runOn);
