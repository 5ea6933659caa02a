CREATE TABLE "post_daily_rollups" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"post_id" uuid NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"department_id" uuid,
	"messages" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"neutral" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"questions" integer DEFAULT 0 NOT NULL,
	"sentiment_sum" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "post_daily_rollups_key" UNIQUE NULLS NOT DISTINCT("org_id","day","post_id","channel_account_id","department_id")
);
--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "post_id" uuid;--> statement-breakpoint
ALTER TABLE "post_daily_rollups" ADD CONSTRAINT "post_daily_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_daily_rollups_post_idx" ON "post_daily_rollups" USING btree ("post_id","day");--> statement-breakpoint
CREATE INDEX "publications_channel_external_idx" ON "publications" USING btree ("channel_account_id","external_id");--> statement-breakpoint
CREATE INDEX "publications_part_external_idx" ON "publications" USING gin ("part_external_ids" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "inbound_messages_post_idx" ON "inbound_messages" USING btree ("post_id") WHERE "inbound_messages"."post_id" is not null;--> statement-breakpoint
-- The post rollup, kept like the message rollup of 0038 (statement triggers with transition tables, one grouped
-- upsert per statement locking rows in key order, a moved conversation moves its messages' counts, rebuilt when
-- the organisation's time zone changes) but by triggers of its own: only messages that react to a post
-- (inbound_messages.post_id, resolved at ingestion) count, and a statement without one costs a look at the
-- transition table. Mood lines as in src/domain/reports/mood.ts.
CREATE TYPE draht_post_contribution AS (
  org_id uuid, received_at timestamptz, post_id uuid, channel_account_id uuid, department_id uuid,
  sentiment real, intent text, sign integer
);
--> statement-breakpoint
CREATE FUNCTION draht_apply_post_contributions(changes draht_post_contribution[]) RETURNS void AS $$
BEGIN
  INSERT INTO post_daily_rollups AS r (org_id, day, post_id, channel_account_id, department_id, messages, negative,
                                       neutral, positive, questions, sentiment_sum)
  SELECT c.org_id, (c.received_at AT TIME ZONE o.time_zone)::date, c.post_id, c.channel_account_id, c.department_id,
         sum(c.sign),
         sum(c.sign * (c.sentiment < (-0.2)::real)::int),
         sum(c.sign * (c.sentiment BETWEEN (-0.2)::real AND (0.2)::real)::int),
         sum(c.sign * (c.sentiment > (0.2)::real)::int),
         sum(c.sign * (c.intent = 'question')::int),
         sum(c.sign * c.sentiment::double precision)
    FROM unnest(changes) AS c
    JOIN organisations o ON o.id = c.org_id
   GROUP BY 1, 2, 3, 4, 5
   -- Rows locked in key order, so two transactions upserting overlapping keys never deadlock.
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT post_daily_rollups_key DO UPDATE SET
    messages = r.messages + excluded.messages, negative = r.negative + excluded.negative,
    neutral = r.neutral + excluded.neutral, positive = r.positive + excluded.positive,
    questions = r.questions + excluded.questions, sentiment_sum = r.sentiment_sum + excluded.sentiment_sum;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A message counts once it belongs to a conversation, for that conversation's current department.
CREATE FUNCTION draht_post_rollups() RETURNS trigger AS $$
DECLARE
  changes draht_post_contribution[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(n.org_id, n.received_at, n.post_id, n.channel_account_id, v.department_id, n.sentiment, n.intent,
                 1)::draht_post_contribution
        FROM new_rows n JOIN conversations v ON v.id = n.conversation_id
       WHERE n.post_id IS NOT NULL);
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      SELECT ROW(d.org_id, d.received_at, d.post_id, d.channel_account_id, v.department_id, d.sentiment, d.intent,
                 -1)::draht_post_contribution
        FROM old_rows d JOIN conversations v ON v.id = d.conversation_id
       WHERE d.post_id IS NOT NULL);
  ELSE
    -- Most updates (threading, moderation) touch messages of no post: nothing to compare then.
    IF NOT EXISTS (SELECT 1 FROM new_rows WHERE post_id IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM old_rows WHERE post_id IS NOT NULL) THEN
      RETURN NULL;
    END IF;
    changes := ARRAY(
      SELECT ROW(x.org_id, x.received_at, x.post_id, x.channel_account_id, v.department_id, x.sentiment, x.intent,
                 x.sign)::draht_post_contribution
        FROM (
          SELECT n.org_id, n.received_at, n.post_id, n.channel_account_id, n.conversation_id, n.sentiment, n.intent,
                 1 AS sign
            FROM new_rows n JOIN old_rows d ON d.id = n.id
           WHERE n.post_id IS NOT NULL
             AND (d.conversation_id, d.received_at, d.channel_account_id, d.post_id, d.sentiment, d.intent)
                 IS DISTINCT FROM (n.conversation_id, n.received_at, n.channel_account_id, n.post_id, n.sentiment, n.intent)
          UNION ALL
          SELECT d.org_id, d.received_at, d.post_id, d.channel_account_id, d.conversation_id, d.sentiment, d.intent,
                 -1 AS sign
            FROM old_rows d JOIN new_rows n ON n.id = d.id
           WHERE d.post_id IS NOT NULL
             AND (d.conversation_id, d.received_at, d.channel_account_id, d.post_id, d.sentiment, d.intent)
                 IS DISTINCT FROM (n.conversation_id, n.received_at, n.channel_account_id, n.post_id, n.sentiment, n.intent)
        ) AS x
        JOIN conversations v ON v.id = x.conversation_id);
  END IF;
  IF cardinality(changes) > 0 THEN
    PERFORM draht_apply_post_contributions(changes);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER inbound_messages_post_rollups_insert AFTER INSERT ON inbound_messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_post_rollups();
--> statement-breakpoint
CREATE TRIGGER inbound_messages_post_rollups_update AFTER UPDATE ON inbound_messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_post_rollups();
--> statement-breakpoint
CREATE TRIGGER inbound_messages_post_rollups_delete AFTER DELETE ON inbound_messages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_post_rollups();
--> statement-breakpoint
CREATE FUNCTION draht_conversation_department_post_rollups() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM inbound_messages WHERE conversation_id = NEW.id AND post_id IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  PERFORM draht_apply_post_contributions(ARRAY(
    SELECT ROW(m.org_id, m.received_at, m.post_id, m.channel_account_id, s.department_id, m.sentiment, m.intent,
               s.sign)::draht_post_contribution
      FROM inbound_messages m
     CROSS JOIN (VALUES (OLD.department_id, -1), (NEW.department_id, 1)) AS s(department_id, sign)
     WHERE m.conversation_id = NEW.id AND m.post_id IS NOT NULL));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER conversations_department_post_rollups AFTER UPDATE OF department_id ON conversations
  FOR EACH ROW WHEN (OLD.department_id IS DISTINCT FROM NEW.department_id)
  EXECUTE FUNCTION draht_conversation_department_post_rollups();
--> statement-breakpoint
-- An organisation's post rollups counted again from its messages: at this migration, and when the organisation's
-- time zone changes (app/orgs/update-organisation.ts, with draht_rebuild_message_rollups).
CREATE FUNCTION draht_rebuild_post_rollups(organisation uuid) RETURNS void AS $$
BEGIN
  DELETE FROM post_daily_rollups WHERE org_id = organisation;
  PERFORM draht_apply_post_contributions(ARRAY(
    SELECT ROW(m.org_id, m.received_at, m.post_id, m.channel_account_id, v.department_id, m.sentiment, m.intent,
               1)::draht_post_contribution
      FROM inbound_messages m JOIN conversations v ON v.id = m.conversation_id
     WHERE m.org_id = organisation AND m.post_id IS NOT NULL));
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The messages already there, by the rule of app/inbox/ingest-messages.ts: the thread's root or the item answered
-- is one of our publications on the same channel account (its first post or a later part of a thread) ...
UPDATE inbound_messages m SET post_id = p.post_id
  FROM publications p
 WHERE p.channel_account_id = m.channel_account_id AND p.external_id IS NOT NULL
   AND (p.external_id IN (m.thread_external_id, m.in_reply_to_external_id)
        OR p.part_external_ids @> jsonb_build_array(m.thread_external_id)
        OR p.part_external_ids @> jsonb_build_array(m.in_reply_to_external_id));
--> statement-breakpoint
-- ... or the message it answers reacted to one (a reply to a reply; threads rarely run deeper than this).
UPDATE inbound_messages m SET post_id = parent.post_id
  FROM inbound_messages parent
 WHERE m.post_id IS NULL AND parent.post_id IS NOT NULL AND parent.channel_account_id = m.channel_account_id
   AND parent.external_id = m.in_reply_to_external_id;
--> statement-breakpoint
SELECT draht_rebuild_post_rollups(id) FROM organisations;
