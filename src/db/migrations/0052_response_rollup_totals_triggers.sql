-- The Antwortzeiten report at a large city's volume (issue #18): response_daily_rollups holds about a row per
-- answer and closing (day × channel account × department × person), so a year of them cost a year of rows.
-- Two sums of it are kept beside it, by a row trigger on it — whatever changes it (first answers, closings,
-- reopenings, a new time zone) changes them by the same amounts, so they always equal its sums:
--  * response_daily_totals: without the person (a row per day, channel account and department);
--  * response_monthly_rollups: per calendar month, with the person.
-- And the first answer's "within target" and "asked again", as the rollup trigger (0038) counts them, are kept
-- on the conversation, so the report by post (read from the conversations) counts as the rollup does.
CREATE FUNCTION draht_histogram_change(after integer[], before integer[]) RETURNS integer[] AS $$
DECLARE
  change integer[] := array_fill(0, ARRAY[28]);
BEGIN
  FOR i IN 1..28 LOOP
    change[i] := coalesce(after[i], 0) - coalesce(before[i], 0);
  END LOOP;
  RETURN change;
END;
$$ LANGUAGE plpgsql IMMUTABLE;
--> statement-breakpoint
-- Adds the change from row o to row n of response_daily_rollups (the same key; either may be NULL: inserted,
-- deleted) to both sums.
CREATE FUNCTION draht_add_response_sums(n response_daily_rollups, o response_daily_rollups) RETURNS void AS $$
DECLARE
  k response_daily_rollups := coalesce(n, o);
  d_answered integer := coalesce(n.answered, 0) - coalesce(o.answered, 0);
  d_within_target integer := coalesce(n.within_target, 0) - coalesce(o.within_target, 0);
  d_with_target integer := coalesce(n.with_target, 0) - coalesce(o.with_target, 0);
  d_asked_again integer := coalesce(n.asked_again, 0) - coalesce(o.asked_again, 0);
  d_ms bigint := coalesce(n.business_ms_sum, 0) - coalesce(o.business_ms_sum, 0);
  d_histogram integer[] := draht_histogram_change(n.histogram, o.histogram);
  d_resolved integer := coalesce(n.resolved, 0) - coalesce(o.resolved, 0);
  d_resolution_ms bigint := coalesce(n.resolution_business_ms_sum, 0) - coalesce(o.resolution_business_ms_sum, 0);
  d_resolution_histogram integer[] := draht_histogram_change(n.resolution_histogram, o.resolution_histogram);
BEGIN
  INSERT INTO response_daily_totals AS t (org_id, day, channel_account_id, department_id, answered, within_target,
                                          with_target, asked_again, business_ms_sum, histogram, resolved,
                                          resolution_business_ms_sum, resolution_histogram)
  VALUES (k.org_id, k.day, k.channel_account_id, k.department_id, d_answered, d_within_target, d_with_target,
          d_asked_again, d_ms, d_histogram, d_resolved, d_resolution_ms, d_resolution_histogram)
  ON CONFLICT ON CONSTRAINT response_daily_totals_key DO UPDATE SET
    answered = t.answered + excluded.answered, within_target = t.within_target + excluded.within_target,
    with_target = t.with_target + excluded.with_target, asked_again = t.asked_again + excluded.asked_again,
    business_ms_sum = t.business_ms_sum + excluded.business_ms_sum,
    histogram = draht_add_histograms(t.histogram, excluded.histogram), resolved = t.resolved + excluded.resolved,
    resolution_business_ms_sum = t.resolution_business_ms_sum + excluded.resolution_business_ms_sum,
    resolution_histogram = draht_add_histograms(t.resolution_histogram, excluded.resolution_histogram);
  INSERT INTO response_monthly_rollups AS t (org_id, month, channel_account_id, department_id, responder_user_id,
                                             answered, within_target, with_target, asked_again, business_ms_sum,
                                             histogram, resolved, resolution_business_ms_sum, resolution_histogram)
  VALUES (k.org_id, date_trunc('month', k.day::timestamp)::date, k.channel_account_id, k.department_id, k.responder_user_id,
          d_answered, d_within_target, d_with_target, d_asked_again, d_ms, d_histogram, d_resolved, d_resolution_ms,
          d_resolution_histogram)
  ON CONFLICT ON CONSTRAINT response_monthly_rollups_key DO UPDATE SET
    answered = t.answered + excluded.answered, within_target = t.within_target + excluded.within_target,
    with_target = t.with_target + excluded.with_target, asked_again = t.asked_again + excluded.asked_again,
    business_ms_sum = t.business_ms_sum + excluded.business_ms_sum,
    histogram = draht_add_histograms(t.histogram, excluded.histogram), resolved = t.resolved + excluded.resolved,
    resolution_business_ms_sum = t.resolution_business_ms_sum + excluded.resolution_business_ms_sum,
    resolution_histogram = draht_add_histograms(t.resolution_histogram, excluded.resolution_histogram);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION draht_response_rollup_sums() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM draht_add_response_sums(NEW, NULL);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM draht_add_response_sums(NULL, OLD);
  ELSIF (NEW.org_id, NEW.day, NEW.channel_account_id, NEW.department_id, NEW.responder_user_id)
        IS NOT DISTINCT FROM (OLD.org_id, OLD.day, OLD.channel_account_id, OLD.department_id, OLD.responder_user_id)
  THEN
    PERFORM draht_add_response_sums(NEW, OLD);
  ELSE
    -- A key changed (nothing does so today): the old row leaves its sums, the new one joins its own.
    PERFORM draht_add_response_sums(NULL, OLD);
    PERFORM draht_add_response_sums(NEW, NULL);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER response_daily_rollups_sums AFTER INSERT OR UPDATE OR DELETE ON response_daily_rollups
  FOR EACH ROW EXECUTE FUNCTION draht_response_rollup_sums();
--> statement-breakpoint
-- What is already there.
SELECT draht_add_response_sums(r, NULL) FROM response_daily_rollups AS r;
--> statement-breakpoint
-- The first answer's target and asking again, as draht_response_rollups() counts them.
CREATE FUNCTION draht_first_response_facts() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW.first_response_within_target := CASE WHEN OLD.response_due_at IS NULL THEN NULL
                                             ELSE NEW.first_response_at <= OLD.response_due_at END;
    NEW.first_response_asked_again := OLD.asked_again;
  ELSE
    NEW.first_response_within_target := NULL;
    NEW.first_response_asked_again := NEW.asked_again;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER conversations_first_response_facts_update BEFORE UPDATE OF first_response_at ON conversations
  FOR EACH ROW WHEN (OLD.first_response_at IS NULL AND NEW.first_response_at IS NOT NULL
                     AND NEW.first_response_business_ms IS NOT NULL)
  EXECUTE FUNCTION draht_first_response_facts();
--> statement-breakpoint
CREATE TRIGGER conversations_first_response_facts_insert BEFORE INSERT ON conversations
  FOR EACH ROW WHEN (NEW.first_response_at IS NOT NULL AND NEW.first_response_business_ms IS NOT NULL)
  EXECUTE FUNCTION draht_first_response_facts();
