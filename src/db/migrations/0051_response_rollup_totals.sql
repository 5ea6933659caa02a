CREATE TABLE "response_daily_totals" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"department_id" uuid,
	"answered" integer DEFAULT 0 NOT NULL,
	"within_target" integer DEFAULT 0 NOT NULL,
	"with_target" integer DEFAULT 0 NOT NULL,
	"asked_again" integer DEFAULT 0 NOT NULL,
	"business_ms_sum" bigint DEFAULT 0 NOT NULL,
	"histogram" integer[] DEFAULT array_fill(0, array[28]) NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolution_business_ms_sum" bigint DEFAULT 0 NOT NULL,
	"resolution_histogram" integer[] DEFAULT array_fill(0, array[28]) NOT NULL,
	CONSTRAINT "response_daily_totals_key" UNIQUE NULLS NOT DISTINCT("org_id","day","channel_account_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "response_monthly_rollups" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"department_id" uuid,
	"responder_user_id" uuid,
	"answered" integer DEFAULT 0 NOT NULL,
	"within_target" integer DEFAULT 0 NOT NULL,
	"with_target" integer DEFAULT 0 NOT NULL,
	"asked_again" integer DEFAULT 0 NOT NULL,
	"business_ms_sum" bigint DEFAULT 0 NOT NULL,
	"histogram" integer[] DEFAULT array_fill(0, array[28]) NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolution_business_ms_sum" bigint DEFAULT 0 NOT NULL,
	"resolution_histogram" integer[] DEFAULT array_fill(0, array[28]) NOT NULL,
	CONSTRAINT "response_monthly_rollups_key" UNIQUE NULLS NOT DISTINCT("org_id","month","channel_account_id","department_id","responder_user_id")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "first_response_within_target" boolean;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "first_response_asked_again" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "response_daily_totals" ADD CONSTRAINT "response_daily_totals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_monthly_rollups" ADD CONSTRAINT "response_monthly_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;