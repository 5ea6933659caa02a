-- Hand-written: duplicates left by two rounds that met (before this key existed) are removed, keeping the first.
DELETE FROM "moderation_decisions" d USING "moderation_decisions" e
 WHERE d."kind" = 'filter' AND e."kind" = 'filter' AND d."case_id" = e."case_id" AND d."action" IS NOT DISTINCT FROM e."action"
   AND (d."at", d."id") > (e."at", e."id");--> statement-breakpoint
CREATE UNIQUE INDEX "moderation_decisions_filter_once" ON "moderation_decisions" USING btree ("case_id","action") WHERE "moderation_decisions"."kind" = 'filter';
