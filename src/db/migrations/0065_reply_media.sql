CREATE TABLE "conversation_reply_media" (
	"reply_id" uuid NOT NULL,
	"media_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "conversation_reply_media_reply_id_media_id_pk" PRIMARY KEY("reply_id","media_id")
);
--> statement-breakpoint
ALTER TABLE "conversation_reply_media" ADD CONSTRAINT "conversation_reply_media_reply_id_conversation_replies_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."conversation_replies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reply_media" ADD CONSTRAINT "conversation_reply_media_media_id_media_assets_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_reply_media_media_idx" ON "conversation_reply_media" USING btree ("media_id");