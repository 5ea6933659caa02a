CREATE TABLE "key_fingerprints" (
	"purpose" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL
);
