CREATE TABLE "waiting_daily_rollups" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"department_id" uuid,
	"waiting" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "waiting_daily_rollups_key" UNIQUE NULLS NOT DISTINCT("org_id","day","channel_account_id","department_id")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "closed_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "resolution_business_ms" bigint;--> statement-breakpoint
ALTER TABLE "response_daily_rollups" ADD COLUMN "resolved" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "response_daily_rollups" ADD COLUMN "resolution_business_ms_sum" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "response_daily_rollups" ADD COLUMN "resolution_histogram" integer[] DEFAULT array_fill(0, array[28]) NOT NULL;--> statement-breakpoint
ALTER TABLE "waiting_daily_rollups" ADD CONSTRAINT "waiting_daily_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;