ALTER TABLE "sandbox_deliveries" ADD COLUMN "in_reply_to_external_id" text;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "thread_parts" jsonb DEFAULT '[]'::jsonb NOT NULL;