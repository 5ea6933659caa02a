ALTER TABLE "conversation_replies" ADD COLUMN "delivery_status" text;--> statement-breakpoint
ALTER TABLE "conversation_replies" ADD COLUMN "delivery_status_at" timestamp with time zone;