// Knowledge benchmark: 1,000,000 stored messages in 100,000 conversations (six in ten answered, half of those
// closed) and 10,000 knowledge articles, then
//   (a) the article search as the Wissen page calls it (German stems, typing errors in titles), p50/p95;
//   (b) the suggestions while answering (articles and earlier answers to similar questions), p50/p95.
// Ingestion maintains no search index for this: earlier answers are remembered when they are written
// (answered_questions), so there is no ingestion cost to measure here.
// The stored data is generated in SQL (generate_series) from German phrases, so words repeat as they do in
// real questions; what is measured is the use cases, not the loading.
// Runs on embedded PGlite and, when reachable, on the PostgreSQL server (BENCH_DATABASE_URL, default local).
import { sql } from "drizzle-orm";
import { installationActorIn } from "../src/app/authorization.js";
import { createChannelAccount } from "../src/app/channels/create-channel-account.js";
import type { AppContext } from "../src/app/context.js";
import { listArticles } from "../src/app/knowledge/list-articles.js";
import { suggestAnswers } from "../src/app/knowledge/suggest-answers.js";
import { addMemberUnchecked } from "../src/app/members/add-member.js";
import { createOrganisation } from "../src/app/orgs/create-organisation.js";
import type { Database } from "../src/db/client.js";
import { topicsOf } from "../src/text/keyTerms.js";
import { benchContext as contextOf, measure, runOnEveryDatabase } from "./support.js";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const MESSAGES_PER_CONVERSATION = 10;
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const RUNS = 100;
const SYSTEM = { userId: null, label: "bench" };

const TOPICS = [
  "Personalausweis beantragen",
  "Reisepass abholen",
  "Kita-Platz anmelden",
  "Sperrmüll anmelden",
  "Mülltonne nicht geleert",
  "Baustelle an der Hauptstraße",
  "Ampel defekt",
  "Hundesteuer zahlen",
  "Wohnsitz ummelden",
  "Führerschein umtauschen",
  "Parkausweis für Anwohner",
  "Schlagloch melden",
  "Straßenbeleuchtung ausgefallen",
  "Bauantrag stellen",
  "Öffnungszeiten Bürgeramt",
  "Termin im Standesamt",
  "Gewerbe anmelden",
  "Grundsteuer Bescheid",
  "Schwimmbad Öffnungszeiten",
  "Bibliotheksausweis verlängern",
  "Wahlbenachrichtigung verloren",
  "Briefwahl beantragen",
  "Elterngeld Antrag",
  "Wohngeld beantragen",
  "Baumfällung genehmigen",
  "Lärm durch Nachbarn",
  "Falschparker melden",
  "Radweg gesperrt",
  "Busverbindung am Wochenende",
  "Weihnachtsmarkt Öffnungszeiten",
  "Stadtfest Programm",
  "Feuerwerk an Silvester",
  "Glascontainer überfüllt",
  "Wertstoffhof Öffnungszeiten",
  "Friedhofsgebühren",
  "Hochwasser Warnung",
  "Spielplatz kaputt",
  "Sportplatz buchen",
  "Führungszeugnis beantragen",
  "Meldebescheinigung anfordern",
];
const ASKING = [
  "Wie kann ich",
  "Wo kann ich",
  "Wann ist",
  "Hallo, ich habe eine Frage zu",
  "Guten Tag, seit Tagen warte ich wegen",
  "Können Sie mir sagen, was man braucht für",
  "Warum dauert es so lange mit",
  "Ich möchte mich beschweren über",
];
const DETAILS = [
  "Ich wohne in der Gartenstraße.",
  "Das ist jetzt schon das dritte Mal.",
  "Brauche ich dafür einen Termin?",
  "Welche Unterlagen muss ich mitbringen?",
  "Geht das auch online?",
  "Was kostet das?",
  "Danke im Voraus!",
  "Bitte um schnelle Antwort.",
  "Meine Nachbarin hat das gleiche Problem.",
  "Auf der Webseite finde ich nichts dazu.",
];
const QUERIES = [
  "Personalausweis",
  "Personalausweiss",
  "Kita Anmeldung",
  "Sperrmüll",
  "Sperrmull",
  "Bürgeramt Öffnungszeiten",
  "Burgeramt",
  "Führerschein",
  "Briefwahl",
  "Wohngeld beantragen",
  "Schlagloch",
  "Grundsteuer",
  "Hundesteuer",
  "Wertstoffhof",
  "Reisepass abholen",
  "Standesamt Termin",
  "Baumfällung",
  "Parkausweis",
  "Hochwasser",
  "Meldebescheinigung",
];

const textArray = (items: string[]) =>
  sql`array[${sql.join(
    items.map((item) => sql`${item}::text`),
    sql`, `,
  )}]`;

async function runOn(label: string, database: Database): Promise<boolean> {
  console.log(`\n## ${label}`);
  const ctx = await contextOf(database);
  const started = performance.now();
  const scene = await generate(ctx);
  console.log(
    `generated ${CONVERSATIONS * MESSAGES_PER_CONVERSATION} messages in ${CONVERSATIONS} conversations and ${ARTICLES} articles in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const search = await measure(RUNS, async (i) => {
    const q = QUERIES[i % QUERIES.length] ?? "";
    return (await listArticles(ctx, { actor: scene.actor, orgId: scene.orgId, filter: { q } })).articles.length;
  });
  console.log(`(a) article search: p50 ${search.p50} ms, p95 ${search.p95} ms (${search.rows} hits on average)`);
  const suggest = await measure(RUNS, async (i) => {
    const conversationId = scene.asking[i % scene.asking.length] ?? "";
    const found = await suggestAnswers(ctx, { actor: scene.actor, orgId: scene.orgId, conversationId });
    return found.articles.length + found.answers.length;
  });
  console.log(`(b) suggestions: p50 ${suggest.p50} ms, p95 ${suggest.p95} ms (${suggest.rows} suggestions on average)`);
  if (database.kind === "postgres") {
    console.log(`  target search p95 < 100 ms: ${Number(search.p95) < 100 ? "met" : "NOT met"}`);
    console.log(`  target suggestion p95 < 50 ms: ${Number(suggest.p95) < 50 ? "met" : "NOT met"}`);
  }
  return true;
}

async function generate(ctx: AppContext) {
  const org = await createOrganisation(ctx, {
    actor: SYSTEM,
    input: { name: "Benchstadt Wissen", slug: `bench-wissen-${Date.now()}`, state: "NW" },
  });
  const actor = installationActorIn(org.id, SYSTEM);
  const accountIds: string[] = [];
  for (let i = 0; i < 10; i++)
    accountIds.push(
      (await createChannelAccount(ctx, { actor, orgId: org.id, input: { name: `Kanal ${i + 1}`, network: "sandbox" } }))
        .id,
    );
  const author = await addMemberUnchecked(ctx, {
    actor: SYSTEM,
    orgId: org.id,
    input: { email: `bench-${Date.now()}@example.org`, name: "Bench", roles: ["editor"] },
  });
  const accounts = sql`array[${sql.join(
    accountIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
  const now = new Date().toISOString();
  await ctx.db.execute(sql`
    insert into conversations (org_id, channel_account_id, thread_key, citizen_handle, citizen_name, status, intent, sentiment,
                               first_message_at, last_message_at, first_response_at, last_response_at, closed_at, created_at)
    select ${org.id}::uuid, (${accounts})[1 + g % 10], 'dm-' || g, '@buerger' || g, 'Bürger ' || g,
           case when g % 10 < 4 then 'open' when g % 10 < 7 then 'answered' else 'closed' end, 'question', 0,
           t.first, t.first + interval '3 hours',
           case when g % 10 >= 4 then t.first + interval '4 hours' end, case when g % 10 >= 4 then t.first + interval '4 hours' end,
           case when g % 10 >= 7 then t.first + interval '5 hours' end, t.first
      from generate_series(1, ${CONVERSATIONS}) g,
           lateral (select ${now}::timestamptz - (g % 700) * interval '1 day' - interval '1 day' as first) t`);
  const topics = textArray(TOPICS);
  // The key terms ingestion would have found in each phrase (text/keyTerms.ts).
  const topicKeys = textArray(TOPICS.map((topic) => topicsOf(topic).topics.join(",")));
  const topicLabels = textArray(TOPICS.map((topic) => topicsOf(topic).topicLabels.join(",")));
  await ctx.db.execute(sql`
    insert into inbound_messages (org_id, channel_account_id, external_id, conversation_id, kind, author_handle, author_name, text,
                                  visibility, received_at, raw, intent, topics, topic_labels)
    select c.org_id, c.channel_account_id, c.citizen_handle || '-' || s, c.id, 'direct', c.citizen_handle, c.citizen_name,
           (${textArray(ASKING)})[1 + (h + s) % ${ASKING.length}] || ' ' || (${topics})[1 + (h + s / 4) % ${TOPICS.length}] || '? '
             || (${textArray(DETAILS)})[1 + (h * 7 + s) % ${DETAILS.length}] || ' (Vorgang ' || h || '-' || s || ')',
           'visible', c.first_message_at + s * interval '10 minutes', '{}'::jsonb, 'question',
           string_to_array((${topicKeys})[1 + (h + s / 4) % ${TOPICS.length}], ','),
           string_to_array((${topicLabels})[1 + (h + s / 4) % ${TOPICS.length}], ',')
      from (select *, abs(hashtext(id::text)) % 1000000 as h from conversations where org_id = ${org.id}::uuid) c
           cross join generate_series(1, ${MESSAGES_PER_CONVERSATION}) s`);
  await ctx.db.execute(sql`
    insert into conversation_replies (org_id, conversation_id, in_reply_to_external_id, text, author_user_id, status, created_at, sent_at)
    select org_id, id, citizen_handle || '-1', 'Vielen Dank für Ihre Nachricht. Dazu finden Sie alles auf unserer Seite, Vorgang ' || thread_key || '.',
           ${author.userId}::uuid, 'sent', first_response_at, first_response_at
      from conversations where org_id = ${org.id}::uuid and first_response_at is not null`);
  // Remembered with the question they answered, as the inbox does when an answer is written.
  await ctx.db.execute(sql`
    insert into answered_questions (reply_id, org_id, conversation_id, question, topics, created_at)
    select r.id, r.org_id, r.conversation_id, left(m.text, 1000), m.topics, r.created_at
      from conversation_replies r
      join inbound_messages m on m.conversation_id = r.conversation_id and m.external_id = r.in_reply_to_external_id
     where r.org_id = ${org.id}::uuid`);
  await ctx.db.execute(sql`
    insert into knowledge_articles (org_id, title, body, tags, status, review_by, created_by_user_id, owner_user_id, created_at, updated_at, published_at)
    select ${org.id}::uuid, (${topics})[1 + g % ${TOPICS.length}] || ' (' || (g / ${TOPICS.length}) || ')',
           '## ' || (${topics})[1 + g % ${TOPICS.length}] || E'\n\n' || (${textArray(DETAILS)})[1 + g % ${DETAILS.length}] || ' '
             || repeat('Sie erreichen uns montags bis freitags. Bringen Sie Ihre Unterlagen mit. ', 1 + g % 5),
           array['bench', 'thema' || (g % ${TOPICS.length})], case when (g / ${TOPICS.length}) % 5 = 0 then 'draft' else 'published' end,
           current_date + 200, ${author.userId}::uuid, ${author.userId}::uuid, now(), now(), now()
      from generate_series(1, ${ARTICLES}) g`);
  await ctx.db.execute(sql`analyze`);
  const open = await ctx.db.execute(
    sql`select id from conversations where org_id = ${org.id}::uuid and status = 'open' order by id limit 50`,
  );
  const asking = ((open as { rows?: { id: string }[] }).rows ?? (open as unknown as { id: string }[])).map((r) => r.id);
  return { orgId: org.id, actor, asking };
}

await runOnEveryDatabase("Knowledge benchmark", runOn);
