CREATE TABLE "publication_reactions" (
	"publication_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"department_id" uuid,
	"campaign_id" uuid,
	"published_at" timestamp with time zone NOT NULL,
	"reactions" integer
);
--> statement-breakpoint
ALTER TABLE "publication_reactions" ADD CONSTRAINT "publication_reactions_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_reactions" ADD CONSTRAINT "publication_reactions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publication_reactions_post_idx" ON "publication_reactions" USING btree ("post_id");