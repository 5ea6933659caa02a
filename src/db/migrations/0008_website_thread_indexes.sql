DROP INDEX "website_comments_parent_idx";--> statement-breakpoint
CREATE INDEX "website_comments_thread_idx" ON "website_comments" USING btree ("entry_id","created_at","id") WHERE "website_comments"."parent_id" is null;--> statement-breakpoint
CREATE INDEX "website_comments_parent_idx" ON "website_comments" USING btree ("parent_id","created_at") WHERE "website_comments"."parent_id" is not null;