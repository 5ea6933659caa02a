CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"kind" text NOT NULL,
	"author_handle" text NOT NULL,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"language" text,
	"thread_external_id" text,
	"in_reply_to_external_id" text,
	"visibility" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"raw" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "netiquettes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"clauses" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"netiquette_id" uuid,
	"netiquette_accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "citizen_sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"to_address" text NOT NULL,
	"purpose" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "instance_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_rate_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bucket" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "used_challenges" (
	"challenge_hash" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "website_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_kind" text NOT NULL,
	"display_name" text NOT NULL,
	"staff_user_id" uuid,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"moderation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"netiquette_id" uuid,
	"session_id" uuid,
	"content_hash" text NOT NULL,
	"email" text,
	"email_token_hash" text,
	"email_confirmed_at" timestamp with time zone,
	"delete_token_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "website_poll_votes" (
	"poll_id" uuid NOT NULL,
	"voter_token" text NOT NULL,
	"option_index" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "website_poll_votes_poll_id_voter_token_pk" PRIMARY KEY("poll_id","voter_token")
);
--> statement-breakpoint
CREATE TABLE "website_polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"question" text NOT NULL,
	"options" jsonb NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"results_visibility" text NOT NULL,
	CONSTRAINT "website_polls_entry_id_unique" UNIQUE("entry_id")
);
--> statement-breakpoint
CREATE TABLE "website_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"impressum_url" text,
	"privacy_url" text,
	"pre_moderation" text DEFAULT 'none' NOT NULL,
	"comments_open" boolean DEFAULT true NOT NULL,
	"retention_days" integer DEFAULT 365 NOT NULL,
	"embed_origins" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accent_color" text DEFAULT '#0b5394' NOT NULL,
	"answer_label" text DEFAULT 'Antwort der Verwaltung' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "website_entries" ADD COLUMN "post_id" uuid;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "poll" jsonb;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_channel_account_id_channel_accounts_id_fk" FOREIGN KEY ("channel_account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "netiquettes" ADD CONSTRAINT "netiquettes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "netiquettes" ADD CONSTRAINT "netiquettes_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_sessions" ADD CONSTRAINT "citizen_sessions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_sessions" ADD CONSTRAINT "citizen_sessions_netiquette_id_netiquettes_id_fk" FOREIGN KEY ("netiquette_id") REFERENCES "public"."netiquettes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_comments" ADD CONSTRAINT "website_comments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_comments" ADD CONSTRAINT "website_comments_entry_id_website_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."website_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_comments" ADD CONSTRAINT "website_comments_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_comments" ADD CONSTRAINT "website_comments_netiquette_id_netiquettes_id_fk" FOREIGN KEY ("netiquette_id") REFERENCES "public"."netiquettes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_comments" ADD CONSTRAINT "website_comments_session_id_citizen_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."citizen_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_poll_votes" ADD CONSTRAINT "website_poll_votes_poll_id_website_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."website_polls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_polls" ADD CONSTRAINT "website_polls_entry_id_website_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."website_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_settings" ADD CONSTRAINT "website_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_messages_channel_external_unique" ON "inbound_messages" USING btree ("channel_account_id","external_id");--> statement-breakpoint
CREATE INDEX "inbound_messages_org_received_idx" ON "inbound_messages" USING btree ("org_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "netiquettes_org_version_unique" ON "netiquettes" USING btree ("org_id","version");--> statement-breakpoint
CREATE INDEX "citizen_sessions_last_seen_idx" ON "citizen_sessions" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "email_outbox_unsent_idx" ON "email_outbox" USING btree ("sent_at","created_at");--> statement-breakpoint
CREATE INDEX "public_rate_events_bucket_idx" ON "public_rate_events" USING btree ("bucket","at");--> statement-breakpoint
CREATE INDEX "public_rate_events_at_idx" ON "public_rate_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "website_comments_entry_idx" ON "website_comments" USING btree ("entry_id","created_at");--> statement-breakpoint
CREATE INDEX "website_comments_org_created_idx" ON "website_comments" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "website_comments_hash_idx" ON "website_comments" USING btree ("content_hash","created_at");--> statement-breakpoint
CREATE INDEX "website_comments_parent_idx" ON "website_comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "website_comments_session_idx" ON "website_comments" USING btree ("session_id");