CREATE TABLE "network_enablements" (
	"org_id" uuid NOT NULL,
	"network" text NOT NULL,
	"enabled_at" timestamp with time zone NOT NULL,
	"enabled_by" uuid
);
--> statement-breakpoint
ALTER TABLE "network_enablements" ADD CONSTRAINT "network_enablements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_enablements" ADD CONSTRAINT "network_enablements_enabled_by_users_id_fk" FOREIGN KEY ("enabled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "network_enablements_org_network" ON "network_enablements" USING btree ("org_id","network");