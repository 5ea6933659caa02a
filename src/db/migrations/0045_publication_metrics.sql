CREATE TABLE "publication_metrics" (
	"publication_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"likes" integer DEFAULT 0 NOT NULL,
	"reposts" integer DEFAULT 0 NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	"fetched_at" timestamp with time zone,
	"gone_at" timestamp with time zone,
	"next_fetch_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "approval_business_ms" bigint;--> statement-breakpoint
ALTER TABLE "publication_metrics" ADD CONSTRAINT "publication_metrics_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_metrics" ADD CONSTRAINT "publication_metrics_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_metrics" ADD CONSTRAINT "publication_metrics_channel_account_id_channel_accounts_id_fk" FOREIGN KEY ("channel_account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publication_metrics_due_idx" ON "publication_metrics" USING btree ("channel_account_id","next_fetch_at");--> statement-breakpoint
CREATE INDEX "posts_org_submitted_idx" ON "posts" USING btree ("org_id","submitted_at");--> statement-breakpoint
CREATE INDEX "posts_org_approved_idx" ON "posts" USING btree ("org_id","approved_at");--> statement-breakpoint
CREATE INDEX "publications_org_published_idx" ON "publications" USING btree ("org_id","published_at");--> statement-breakpoint
CREATE INDEX "publications_account_published_idx" ON "publications" USING btree ("channel_account_id","published_at");--> statement-breakpoint
-- Posts approved before this migration: when their revision was finally approved. Their business time stays
-- unknown (the office schedule is applied by the application), so the report's business-time figures leave them out.
UPDATE "posts" SET "approved_at" = a.at
  FROM (SELECT pa.post_id, max(pa.created_at) AS at
          FROM "post_approvals" pa JOIN "posts" p ON p.id = pa.post_id AND pa.revision = p.revision
         WHERE pa.decision = 'approved' GROUP BY pa.post_id) AS a
 WHERE "posts".id = a.post_id AND "posts".status IN ('scheduled', 'published', 'failed')
   AND "posts".approval_mode <> 'none';
