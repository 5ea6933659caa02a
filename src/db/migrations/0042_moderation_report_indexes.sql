CREATE INDEX "evidence_packages_org_secured_idx" ON "evidence_packages" USING btree ("org_id","secured_at");--> statement-breakpoint
CREATE INDEX "moderation_alerts_org_created_idx" ON "moderation_alerts" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "moderation_cases_org_opened_idx" ON "moderation_cases" USING btree ("org_id","opened_at");--> statement-breakpoint
CREATE INDEX "moderation_decisions_org_at_idx" ON "moderation_decisions" USING btree ("org_id","at");