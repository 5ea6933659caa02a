CREATE TABLE "guideline_review_notices" (
	"guideline_id" uuid NOT NULL,
	"day" date NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "guideline_review_notices_guideline_id_day_pk" PRIMARY KEY("guideline_id","day")
);
--> statement-breakpoint
ALTER TABLE "guideline_review_notices" ADD CONSTRAINT "guideline_review_notices_guideline_id_guidelines_id_fk" FOREIGN KEY ("guideline_id") REFERENCES "public"."guidelines"("id") ON DELETE no action ON UPDATE no action;