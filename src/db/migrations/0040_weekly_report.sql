CREATE TABLE "weekly_report_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"week" date NOT NULL,
	"user_id" uuid NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"email" text NOT NULL,
	CONSTRAINT "weekly_report_deliveries_once" UNIQUE("org_id","week","user_id")
);
--> statement-breakpoint
CREATE TABLE "weekly_report_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"recipient_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_notifications" ADD COLUMN "report_week" date;--> statement-breakpoint
ALTER TABLE "weekly_report_deliveries" ADD CONSTRAINT "weekly_report_deliveries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_report_deliveries" ADD CONSTRAINT "weekly_report_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_report_settings" ADD CONSTRAINT "weekly_report_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;