ALTER TABLE "knowledge_articles" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_notifications" ADD CONSTRAINT "user_notifications_knowledge_article_id_knowledge_articles_id_fk" FOREIGN KEY ("knowledge_article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A remembered question is a copy of citizens' words: when one of the conversation's messages is deleted, blanked
-- hidden or changed (by the citizen, the network, moderation or the retention run), the conversation's remembered
-- questions go too, so no copy outlives its source. Not on insert: ingestion pays nothing.
CREATE OR REPLACE FUNCTION draht_forget_answered_questions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM answered_questions WHERE conversation_id = OLD.conversation_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER inbound_messages_forget_answered_questions
  AFTER UPDATE OF text, visibility ON inbound_messages
  FOR EACH ROW
  WHEN (OLD.conversation_id IS NOT NULL AND (NEW.text IS DISTINCT FROM OLD.text
        OR (NEW.visibility IN ('hidden', 'deleted') AND NEW.visibility IS DISTINCT FROM OLD.visibility)))
  EXECUTE FUNCTION draht_forget_answered_questions();--> statement-breakpoint
CREATE TRIGGER inbound_messages_forget_answered_questions_on_delete
  AFTER DELETE ON inbound_messages
  FOR EACH ROW
  WHEN (OLD.conversation_id IS NOT NULL)
  EXECUTE FUNCTION draht_forget_answered_questions();--> statement-breakpoint
-- Remembered questions taken over from messages that were deleted or blanked before the trigger existed.
DELETE FROM answered_questions q
 USING inbound_messages m
 WHERE m.conversation_id = q.conversation_id AND (m.visibility IN ('hidden', 'deleted') OR m.text = '');
