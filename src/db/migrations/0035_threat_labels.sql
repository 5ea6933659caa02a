CREATE TABLE "threat_labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"text" text NOT NULL,
	"label" text NOT NULL,
	"analyser" text,
	"threat_score" real,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "threat_labels_label_check" CHECK ("threat_labels"."label" in ('threat', 'not_threat'))
);
--> statement-breakpoint
ALTER TABLE "threat_labels" ADD CONSTRAINT "threat_labels_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_labels" ADD CONSTRAINT "threat_labels_case_id_moderation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."moderation_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_labels" ADD CONSTRAINT "threat_labels_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "threat_labels_case_unique" ON "threat_labels" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "threat_labels_org_decided_idx" ON "threat_labels" USING btree ("org_id","decided_at","id");