CREATE TABLE "network_sends" (
	"channel_account_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"external_id" text NOT NULL,
	"url" text,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "network_sends_channel_account_id_idempotency_key_pk" PRIMARY KEY("channel_account_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "network_sends" ADD CONSTRAINT "network_sends_channel_account_id_channel_accounts_id_fk" FOREIGN KEY ("channel_account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE cascade ON UPDATE no action;