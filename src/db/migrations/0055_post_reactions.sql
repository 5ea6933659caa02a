CREATE TABLE "post_reactions" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"department_id" uuid,
	"campaign_id" uuid,
	"first_published_at" timestamp with time zone NOT NULL,
	"last_published_at" timestamp with time zone NOT NULL,
	"reactions" integer,
	"last_read_published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "post_reactions" ADD CONSTRAINT "post_reactions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;