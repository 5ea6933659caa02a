ALTER TABLE "inbox_settings" ADD COLUMN "acknowledge_on_networks" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "website_comments" ADD COLUMN "acknowledges_comment_id" uuid;--> statement-breakpoint
CREATE INDEX "website_comments_acknowledges_idx" ON "website_comments" USING btree ("acknowledges_comment_id") WHERE "website_comments"."acknowledges_comment_id" is not null;