-- The post a conversation counts for in the reports by campaign and post (Antwortzeiten): the post its first
-- citizen message reacts to — inbound_messages.post_id of its earliest message by (received_at, id), whatever its
-- visibility; no row when that message reacts to none. The report found it per conversation (each conversation with
-- a reaction to a chosen post, then its first message: about 50 ms of the 90 for a marathon campaign's 5,000
-- conversations); kept here, it is an index read. Kept by statement triggers on inbound_messages whatever path links
-- a message to a conversation (ingestion stores a batch, then threads it), moves it, changes its post or time, or
-- deletes it. A table of its own, not a column of conversations: writing the conversations again would run their
-- statement triggers (resolution, waits, department moves) once more per ingested batch — ingestion ran at 0.90 of
-- its speed without it (bench/reports.ts part (a)); here a row is written only when a conversation's first post
-- changes.
CREATE TABLE "conversation_first_posts" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"post_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversation_first_posts" ADD CONSTRAINT "conversation_first_posts_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
INSERT INTO conversation_first_posts (conversation_id, org_id, post_id)
SELECT f.conversation_id, f.org_id, f.post_id
  FROM (SELECT DISTINCT ON (conversation_id) conversation_id, org_id, post_id
          FROM inbound_messages
         WHERE conversation_id IS NOT NULL
         ORDER BY conversation_id, received_at, id) AS f
 WHERE f.post_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "conversation_first_posts_post_idx" ON "conversation_first_posts" USING btree ("org_id","post_id");
--> statement-breakpoint
CREATE FUNCTION draht_conversation_first_posts() RETURNS trigger AS $$
DECLARE
  touched uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    touched := ARRAY(SELECT DISTINCT conversation_id FROM new_rows WHERE conversation_id IS NOT NULL);
  ELSIF TG_OP = 'DELETE' THEN
    touched := ARRAY(SELECT DISTINCT conversation_id FROM old_rows WHERE conversation_id IS NOT NULL);
  ELSE
    -- Only a message linked, moved, or given another post or time (an edit or a moderation decision is neither).
    touched := ARRAY(
      SELECT DISTINCT x.conversation_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id
       CROSS JOIN LATERAL (VALUES (n.conversation_id), (o.conversation_id)) AS x(conversation_id)
       WHERE x.conversation_id IS NOT NULL
         AND (n.conversation_id IS DISTINCT FROM o.conversation_id OR n.post_id IS DISTINCT FROM o.post_id
              OR n.received_at IS DISTINCT FROM o.received_at));
  END IF;
  IF cardinality(touched) = 0 THEN
    RETURN NULL;
  END IF;
  -- In key order, so two transactions writing overlapping conversations never deadlock.
  WITH first AS MATERIALIZED (
    SELECT t.id, f.org_id, f.post_id
      FROM unnest(touched) AS t(id)
      LEFT JOIN LATERAL (SELECT m.org_id, m.post_id FROM inbound_messages m
                          WHERE m.conversation_id = t.id
                          ORDER BY m.received_at, m.id LIMIT 1) AS f ON true
  ), gone AS (
    DELETE FROM conversation_first_posts p USING first
     WHERE p.conversation_id = first.id AND first.post_id IS NULL
  )
  INSERT INTO conversation_first_posts AS p (conversation_id, org_id, post_id)
  SELECT id, org_id, post_id FROM first WHERE post_id IS NOT NULL ORDER BY id
  ON CONFLICT (conversation_id) DO UPDATE SET org_id = excluded.org_id, post_id = excluded.post_id
   WHERE p.post_id IS DISTINCT FROM excluded.post_id OR p.org_id IS DISTINCT FROM excluded.org_id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER inbound_messages_first_post_insert AFTER INSERT ON inbound_messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_conversation_first_posts();
--> statement-breakpoint
CREATE TRIGGER inbound_messages_first_post_update AFTER UPDATE ON inbound_messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION draht_conversation_first_posts();
--> statement-breakpoint
CREATE TRIGGER inbound_messages_first_post_delete AFTER DELETE ON inbound_messages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_conversation_first_posts();
