ALTER TABLE "sandbox_deliveries" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "website_entries" ADD COLUMN "removed_at" timestamp with time zone;