CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "membership_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"roles" text[] NOT NULL,
	"department_ids" uuid[],
	"channel_account_ids" uuid[],
	"active_window" jsonb,
	"token_digest" text NOT NULL,
	"invited_by_user_id" uuid,
	"invited_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
ALTER TABLE "audit_chains" ADD COLUMN "head_mac" text;--> statement-breakpoint
ALTER TABLE "audit_chains" ADD COLUMN "keyed_from_seq" integer;--> statement-breakpoint
ALTER TABLE "audit_chains" ADD COLUMN "anchor_prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_chains" ADD COLUMN "anchor_mac" text;--> statement-breakpoint
ALTER TABLE "membership_invitations" ADD CONSTRAINT "membership_invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_invitations" ADD CONSTRAINT "membership_invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_throttles_window_idx" ON "login_throttles" USING btree ("window_started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_invitations_token_unique" ON "membership_invitations" USING btree ("token_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_invitations_open_unique" ON "membership_invitations" USING btree ("org_id","email") WHERE "membership_invitations"."answered_at" IS NULL;--> statement-breakpoint
CREATE INDEX "membership_invitations_email_idx" ON "membership_invitations" USING btree ("email");--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";