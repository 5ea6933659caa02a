ALTER TABLE "user_notifications" ADD COLUMN "feed_item_id" uuid;--> statement-breakpoint
ALTER TABLE "user_notifications" ADD COLUMN "feed_subscription_id" uuid;--> statement-breakpoint
ALTER TABLE "user_notifications" ADD COLUMN "feed_problem" text;--> statement-breakpoint
ALTER TABLE "user_notifications" ADD CONSTRAINT "user_notifications_feed_item_id_knowledge_feed_items_id_fk" FOREIGN KEY ("feed_item_id") REFERENCES "public"."knowledge_feed_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_notifications" ADD CONSTRAINT "user_notifications_feed_subscription_id_knowledge_feed_subscriptions_id_fk" FOREIGN KEY ("feed_subscription_id") REFERENCES "public"."knowledge_feed_subscriptions"("id") ON DELETE cascade ON UPDATE no action;