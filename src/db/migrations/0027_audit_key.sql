ALTER TABLE "audit_chains" ADD COLUMN "head_mac" text;--> statement-breakpoint
ALTER TABLE "audit_chains" ADD COLUMN "keyed_from_seq" integer;--> statement-breakpoint
ALTER TABLE "audit_chains" ADD COLUMN "anchor_prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_chains" ADD COLUMN "anchor_mac" text;