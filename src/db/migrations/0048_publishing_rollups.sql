CREATE TABLE "publication_daily_rollups" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"department_id" uuid,
	"campaign_id" uuid,
	"published" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"likes" integer DEFAULT 0 NOT NULL,
	"reposts" integer DEFAULT 0 NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	"fetched_at" timestamp with time zone,
	CONSTRAINT "publication_daily_rollups_key" UNIQUE NULLS NOT DISTINCT("org_id","day","channel_account_id","department_id","campaign_id")
);
--> statement-breakpoint
CREATE TABLE "published_post_rollups" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"department_id" uuid,
	"campaign_id" uuid,
	"channel_account_ids" uuid[] NOT NULL,
	"post_id" uuid,
	"posts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "published_post_rollups_key" UNIQUE NULLS NOT DISTINCT("org_id","day","department_id","campaign_id","channel_account_ids","post_id")
);
--> statement-breakpoint
ALTER TABLE "publication_daily_rollups" ADD CONSTRAINT "publication_daily_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_post_rollups" ADD CONSTRAINT "published_post_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;