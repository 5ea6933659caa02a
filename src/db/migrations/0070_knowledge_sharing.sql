CREATE TABLE "knowledge_adoptions" (
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
CREATE TABLE "knowledge_collection_receivers" (
	"collection_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "knowledge_collection_receivers_collection_id_org_id_pk" PRIMARY KEY("collection_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audience" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "knowledge_shared_item_versions" (
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"shared_by_user_id" uuid,
	"shared_at" timestamp with time zone NOT NULL,
	"personal_data_override" jsonb,
	CONSTRAINT "knowledge_shared_item_versions_item_id_version_pk" PRIMARY KEY("item_id","version")
);
--> statement-breakpoint
CREATE TABLE "knowledge_shared_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"shared_by_user_id" uuid,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "user_notifications" ADD COLUMN "shared_item_id" uuid;--> statement-breakpoint
ALTER TABLE "knowledge_adoptions" ADD CONSTRAINT "knowledge_adoptions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_adoptions" ADD CONSTRAINT "knowledge_adoptions_item_id_knowledge_shared_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."knowledge_shared_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_adoptions" ADD CONSTRAINT "knowledge_adoptions_adopted_by_user_id_users_id_fk" FOREIGN KEY ("adopted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_collection_receivers" ADD CONSTRAINT "knowledge_collection_receivers_collection_id_knowledge_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."knowledge_collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_collection_receivers" ADD CONSTRAINT "knowledge_collection_receivers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_collections" ADD CONSTRAINT "knowledge_collections_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_collections" ADD CONSTRAINT "knowledge_collections_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_shared_item_versions" ADD CONSTRAINT "knowledge_shared_item_versions_item_id_knowledge_shared_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."knowledge_shared_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_shared_item_versions" ADD CONSTRAINT "knowledge_shared_item_versions_shared_by_user_id_users_id_fk" FOREIGN KEY ("shared_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_shared_items" ADD CONSTRAINT "knowledge_shared_items_collection_id_knowledge_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."knowledge_collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_shared_items" ADD CONSTRAINT "knowledge_shared_items_shared_by_user_id_users_id_fk" FOREIGN KEY ("shared_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_adoptions_org_item_unique" ON "knowledge_adoptions" USING btree ("org_id","item_id");--> statement-breakpoint
CREATE INDEX "knowledge_adoptions_item_idx" ON "knowledge_adoptions" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "knowledge_adoptions_target_idx" ON "knowledge_adoptions" USING btree ("org_id","target_id");--> statement-breakpoint
CREATE INDEX "knowledge_collection_receivers_org_idx" ON "knowledge_collection_receivers" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "knowledge_collections_org_idx" ON "knowledge_collections" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_shared_items_source_unique" ON "knowledge_shared_items" USING btree ("collection_id","kind","source_id");--> statement-breakpoint
CREATE INDEX "knowledge_shared_items_collection_idx" ON "knowledge_shared_items" USING btree ("collection_id");--> statement-breakpoint
ALTER TABLE "user_notifications" ADD CONSTRAINT "user_notifications_shared_item_id_knowledge_shared_items_id_fk" FOREIGN KEY ("shared_item_id") REFERENCES "public"."knowledge_shared_items"("id") ON DELETE cascade ON UPDATE no action;