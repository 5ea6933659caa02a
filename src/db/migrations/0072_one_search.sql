CREATE TABLE "message_search" (
	"message_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_index_watermarks" (
	"name" text PRIMARY KEY NOT NULL,
	"indexed_until" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_search" ADD CONSTRAINT "message_search_message_id_inbound_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."inbound_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_search" ADD CONSTRAINT "message_search_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_search_search_idx" ON "message_search" USING gin ("search");--> statement-breakpoint
CREATE INDEX "message_search_conversation_idx" ON "message_search" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "posts_search_idx" ON "posts" USING gin (to_tsvector('draht_german'::regconfig, "title" || ' ' || "body"));--> statement-breakpoint
CREATE INDEX "posts_title_trgm_idx" ON "posts" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "inbound_messages_created_brin" ON "inbound_messages" USING brin ("created_at") WITH (pages_per_range=32,autosummarize=true);--> statement-breakpoint
-- ---- Custom SQL of the one search (triggers): keep this block last, so the migration can be renumbered. ----
-- A message hidden or deleted drops out of the search; a changed text (or a message moved to another
-- conversation) is indexed again at once — if the index job has already passed it; otherwise the job will.
CREATE OR REPLACE FUNCTION draht_reindex_message_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM message_search WHERE message_id = OLD.id;
  IF NEW.visibility NOT IN ('hidden', 'deleted') AND NEW.conversation_id IS NOT NULL AND EXISTS (
       SELECT 1 FROM search_index_watermarks w WHERE w.name = 'messages' AND w.indexed_until >= NEW.created_at) THEN
    INSERT INTO message_search (message_id, org_id, conversation_id, received_at, search)
    VALUES (NEW.id, NEW.org_id, NEW.conversation_id, NEW.received_at, to_tsvector('draht_german'::regconfig, NEW.text))
    ON CONFLICT (message_id) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER inbound_messages_reindex_search
  AFTER UPDATE OF text, visibility, conversation_id ON inbound_messages
  FOR EACH ROW
  WHEN (NEW.text IS DISTINCT FROM OLD.text OR NEW.visibility IS DISTINCT FROM OLD.visibility
        OR NEW.conversation_id IS DISTINCT FROM OLD.conversation_id)
  EXECUTE FUNCTION draht_reindex_message_search();
