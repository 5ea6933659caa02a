CREATE TABLE "message_daily_rollups" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"department_id" uuid,
	"messages" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"neutral" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"questions" integer DEFAULT 0 NOT NULL,
	"complaints" integer DEFAULT 0 NOT NULL,
	"praise" integer DEFAULT 0 NOT NULL,
	"flagged" integer DEFAULT 0 NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"hidden" integer DEFAULT 0 NOT NULL,
	"deleted" integer DEFAULT 0 NOT NULL,
	"sentiment_sum" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "message_daily_rollups_key" UNIQUE NULLS NOT DISTINCT("org_id","day","channel_account_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "response_daily_rollups" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"department_id" uuid,
	"responder_user_id" uuid,
	"answered" integer DEFAULT 0 NOT NULL,
	"within_target" integer DEFAULT 0 NOT NULL,
	"with_target" integer DEFAULT 0 NOT NULL,
	"asked_again" integer DEFAULT 0 NOT NULL,
	"business_ms_sum" bigint DEFAULT 0 NOT NULL,
	"histogram" integer[] NOT NULL,
	CONSTRAINT "response_daily_rollups_key" UNIQUE NULLS NOT DISTINCT("org_id","day","channel_account_id","department_id","responder_user_id")
);
--> statement-breakpoint
CREATE TABLE "topic_daily_rollups" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"department_id" uuid,
	"topic" text NOT NULL,
	"label" text NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"neutral" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"questions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "topic_daily_rollups_key" UNIQUE NULLS NOT DISTINCT("org_id","day","channel_account_id","department_id","topic")
);
--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "topics" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "topic_labels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "message_daily_rollups" ADD CONSTRAINT "message_daily_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_daily_rollups" ADD CONSTRAINT "response_daily_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_daily_rollups" ADD CONSTRAINT "topic_daily_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "topic_daily_rollups_topic_idx" ON "topic_daily_rollups" USING btree ("org_id","topic","day");--> statement-breakpoint
CREATE INDEX "inbound_messages_topics_idx" ON "inbound_messages" USING gin ("topics");