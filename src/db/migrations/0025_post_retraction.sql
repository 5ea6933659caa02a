ALTER TABLE "posts" ADD COLUMN "retracted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "retracted_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "retract_reason" text;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "part_external_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "retracted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "retract_outcome" text;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_retracted_by_user_id_users_id_fk" FOREIGN KEY ("retracted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;