CREATE TABLE "knowledge_feed_adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"adopted_version" integer NOT NULL,
	"declined_version" integer,
	"adopted_by_user_id" uuid,
	"adopted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_feed_item_versions" (
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "knowledge_feed_item_versions_item_id_version_pk" PRIMARY KEY("item_id","version")
);
--> statement-breakpoint
CREATE TABLE "knowledge_feed_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"remote_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "knowledge_feed_revisions" (
	"collection_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"content_hash" text NOT NULL,
	"document" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "knowledge_feed_revisions_collection_id_revision_pk" PRIMARY KEY("collection_id","revision")
);
--> statement-breakpoint
CREATE TABLE "knowledge_feed_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"url" text NOT NULL,
	"fingerprint" text NOT NULL,
	"publisher_name" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"revision" integer NOT NULL,
	"content_hash" text NOT NULL,
	"etag" text,
	"last_good_at" timestamp with time zone NOT NULL,
	"last_checked_at" timestamp with time zone NOT NULL,
	"next_check_at" timestamp with time zone NOT NULL,
	"problem" text,
	"problem_detail" text,
	"problem_since" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_signing_keys" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "knowledge_collections" ADD COLUMN "feed_token" text;--> statement-breakpoint
ALTER TABLE "knowledge_collections" ADD COLUMN "feed_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "knowledge_collections" ADD COLUMN "feed_stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "knowledge_feed_adoptions" ADD CONSTRAINT "knowledge_feed_adoptions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_feed_adoptions" ADD CONSTRAINT "knowledge_feed_adoptions_item_id_knowledge_feed_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."knowledge_feed_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_feed_adoptions" ADD CONSTRAINT "knowledge_feed_adoptions_adopted_by_user_id_users_id_fk" FOREIGN KEY ("adopted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_feed_item_versions" ADD CONSTRAINT "knowledge_feed_item_versions_item_id_knowledge_feed_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."knowledge_feed_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_feed_items" ADD CONSTRAINT "knowledge_feed_items_subscription_id_knowledge_feed_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."knowledge_feed_subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_feed_revisions" ADD CONSTRAINT "knowledge_feed_revisions_collection_id_knowledge_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."knowledge_collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_feed_subscriptions" ADD CONSTRAINT "knowledge_feed_subscriptions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_feed_subscriptions" ADD CONSTRAINT "knowledge_feed_subscriptions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_signing_keys" ADD CONSTRAINT "org_signing_keys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_feed_adoptions_item_unique" ON "knowledge_feed_adoptions" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "knowledge_feed_adoptions_target_idx" ON "knowledge_feed_adoptions" USING btree ("org_id","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_feed_items_remote_unique" ON "knowledge_feed_items" USING btree ("subscription_id","remote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_feed_subscriptions_url_unique" ON "knowledge_feed_subscriptions" USING btree ("org_id","url") WHERE cancelled_at IS NULL;--> statement-breakpoint
CREATE INDEX "knowledge_feed_subscriptions_due_idx" ON "knowledge_feed_subscriptions" USING btree ("next_check_at") WHERE cancelled_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_collections_feed_token_unique" ON "knowledge_collections" USING btree ("feed_token");