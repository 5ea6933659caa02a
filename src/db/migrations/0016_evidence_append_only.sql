-- Evidence packages are append-only: what was secured for a criminal complaint cannot be changed or
-- removed through the application's connection (the SHA-256 in each package shows any change anyway).
CREATE OR REPLACE FUNCTION draht_refuse_evidence_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'evidence_packages is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER evidence_packages_append_only
  BEFORE UPDATE OR DELETE ON evidence_packages
  FOR EACH ROW EXECUTE FUNCTION draht_refuse_evidence_change();
--> statement-breakpoint
CREATE TRIGGER evidence_packages_no_truncate
  BEFORE TRUNCATE ON evidence_packages
  FOR EACH STATEMENT EXECUTE FUNCTION draht_refuse_evidence_change();
