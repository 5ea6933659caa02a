-- German search for the knowledge base: trigrams for typing errors (pg_trgm, a trusted extension: the database's
-- owner may create it) and the text search configuration draht_german, for now German stems and stop words as
-- PostgreSQL's own "german" has them. Its Snowball stemmer folds umlauts and ß itself ("Bürgeramt" and "Burgeramt"
-- are one stem); folding them before stemming (unaccent) would turn stop words like "für" into words.
DO $$ BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
  RAISE EXCEPTION 'draht needs the PostgreSQL extension pg_trgm (contrib, PostgreSQL 13 or newer): %', SQLERRM
    USING HINT = 'Run once as the database owner or a superuser: CREATE EXTENSION pg_trgm; (on managed services, allow it first)';
END $$;--> statement-breakpoint
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'draht_german') THEN
    CREATE TEXT SEARCH CONFIGURATION draht_german (COPY = german);
  END IF;
END $$;--> statement-breakpoint
CREATE TABLE "knowledge_article_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_label" text NOT NULL,
	"text" text NOT NULL,
	"mentioned_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_article_uses" (
	"article_id" uuid NOT NULL,
	"reply_id" uuid NOT NULL,
	"used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "knowledge_article_uses_article_id_reply_id_pk" PRIMARY KEY("article_id","reply_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_article_versions" (
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] NOT NULL,
	"note" text,
	"author_user_id" uuid,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "knowledge_article_versions_article_id_version_pk" PRIMARY KEY("article_id","version")
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"department_id" uuid,
	"owner_user_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"valid_until" date,
	"review_by" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('draht_german'::regconfig, title), 'A') || setweight(to_tsvector('draht_german'::regconfig, body), 'C')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_review_notices" (
	"article_id" uuid NOT NULL,
	"day" date NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "knowledge_review_notices_article_id_day_pk" PRIMARY KEY("article_id","day")
);
--> statement-breakpoint
ALTER TABLE "reply_templates" ADD COLUMN "article_id" uuid;--> statement-breakpoint
ALTER TABLE "user_notifications" ADD COLUMN "knowledge_article_id" uuid;--> statement-breakpoint
ALTER TABLE "knowledge_article_comments" ADD CONSTRAINT "knowledge_article_comments_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_comments" ADD CONSTRAINT "knowledge_article_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_uses" ADD CONSTRAINT "knowledge_article_uses_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_uses" ADD CONSTRAINT "knowledge_article_uses_reply_id_conversation_replies_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."conversation_replies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_review_notices" ADD CONSTRAINT "knowledge_review_notices_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_article_comments_article_idx" ON "knowledge_article_comments" USING btree ("article_id","created_at");--> statement-breakpoint
CREATE INDEX "knowledge_article_uses_reply_idx" ON "knowledge_article_uses" USING btree ("reply_id");--> statement-breakpoint
CREATE INDEX "knowledge_articles_org_status_idx" ON "knowledge_articles" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "knowledge_articles_search_idx" ON "knowledge_articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "knowledge_articles_title_trgm_idx" ON "knowledge_articles" USING gin ("title" gin_trgm_ops);