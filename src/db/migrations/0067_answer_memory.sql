CREATE TABLE "answered_questions" (
	"reply_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"question" text NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('draht_german'::regconfig, question)) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answered_questions" ADD CONSTRAINT "answered_questions_reply_id_conversation_replies_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."conversation_replies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answered_questions" ADD CONSTRAINT "answered_questions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answered_questions_topics_idx" ON "answered_questions" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "answered_questions_search_idx" ON "answered_questions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "answered_questions_org_created_idx" ON "answered_questions" USING btree ("org_id","created_at");--> statement-breakpoint
-- Answers written before: each paired with the message it answered (only that one message, where new answers
-- remember the citizen's latest three: close enough to suggest them).
INSERT INTO "answered_questions" ("reply_id", "org_id", "conversation_id", "question", "topics", "created_at")
SELECT r.id, r.org_id, r.conversation_id, left(m.text, 1000), m.topics, r.created_at
  FROM "conversation_replies" r
  JOIN "inbound_messages" m ON m.conversation_id = r.conversation_id AND m.external_id = r.in_reply_to_external_id
 WHERE NOT r.automatic AND r.network_template IS NULL AND m.visibility NOT IN ('hidden', 'deleted') AND m.text <> ''
ON CONFLICT DO NOTHING;
