-- The post a conversation counts for in the reports by campaign and post (Antwortzeiten): the post its first
-- citizen message reacts to — inbound_messages.post_id of its earliest message by (received_at, id), whatever its
-- visibility. The report found it per conversation (each conversation with a reaction to a chosen post, then its
-- first message: about 50 ms of the 90 for a marathon campaign's 5,000 conversations); kept here, it is an index
-- read. Kept by a statement trigger on inbound_messages whatever path links a message to a conversation (ingestion
-- stores a batch, then threads it), moves it, changes its post or time, or deletes it; a conversation is written
-- only when its first post changes.
ALTER TABLE "conversations" ADD COLUMN "first_post_id" uuid;
--> statement-breakpoint
UPDATE conversations c SET first_post_id = f.post_id
  FROM (SELECT DISTINCT ON (conversation_id) conversation_id, post_id
          FROM inbound_messages
         WHERE conversation_id IS NOT NULL
         ORDER BY conversation_id, received_at, id) AS f
 WHERE c.id = f.conversation_id AND f.post_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "conversations_first_post_idx" ON "conversations" USING btree ("org_id","first_post_id") WHERE "conversations"."first_post_id" is not null;
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
  UPDATE conversations c SET first_post_id = f.post_id
    FROM (SELECT t.id, (SELECT m.post_id FROM inbound_messages m
                         WHERE m.conversation_id = t.id
                         ORDER BY m.received_at, m.id LIMIT 1) AS post_id
            FROM unnest(touched) AS t(id)) AS f
   WHERE c.id = f.id AND c.first_post_id IS DISTINCT FROM f.post_id;
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
