CREATE TABLE "website_entry_media" (
	"entry_id" uuid NOT NULL,
	"media_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "website_entry_media_entry_id_media_id_pk" PRIMARY KEY("entry_id","media_id")
);
--> statement-breakpoint
ALTER TABLE "inbox_settings" ADD COLUMN "acknowledge_on_networks" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "website_comments" ADD COLUMN "acknowledges_comment_id" uuid;--> statement-breakpoint
ALTER TABLE "website_entry_media" ADD CONSTRAINT "website_entry_media_entry_id_website_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."website_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_entry_media" ADD CONSTRAINT "website_entry_media_media_id_media_assets_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "website_entry_media_media_idx" ON "website_entry_media" USING btree ("media_id");--> statement-breakpoint
CREATE INDEX "website_comments_acknowledges_idx" ON "website_comments" USING btree ("acknowledges_comment_id") WHERE "website_comments"."acknowledges_comment_id" is not null;