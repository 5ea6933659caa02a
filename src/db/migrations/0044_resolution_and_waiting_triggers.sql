-- Two more parts of the Antwortzeiten report kept by the database in the transaction of every change, like the
-- rollups of 0038 (own functions and triggers, so 0038's stay as they are):
--  * Resolution: a closed conversation counts in response_daily_rollups on the day of its closing, for its channel
--    account, department and the person who closed it, with the business time from its first citizen message to
--    the closing (conversations.resolution_business_ms, computed by the application from the office schedule).
--    Reopened, it leaves that day again; closed again, it counts on the new day — so each conversation counts once,
--    at its last closing, and the rollup always equals a straight count of the closed conversations.
--  * Waiting: waiting_daily_rollups holds daily changes of what waits for an answer (see src/db/schema/reports.ts):
--    a waiting period is identified by its waiting_since; while it runs it is booked "open" (+1 on the day it began,
--    +1 overdue on its due day); when it ends (answer or closing, at the conversation's updated_at, the
--    application's clock) it is booked whole instead (−1 on the day it ended; overdue −1 on the later of its due
--    day and its end day). A change of its due time, channel account or department while it runs books it anew.
-- Both are statement triggers with transition tables: an ingestion batch updates its conversations in one statement
-- and costs one grouped upsert. When the organisation's time zone changes, what is kept from the conversations'
-- current state (the running waits, the closings) moves to the new calendar days; ended waits keep their days.
CREATE TYPE draht_resolution_change AS (
  org_id uuid, day date, channel_account_id uuid, department_id uuid, closed_by_user_id uuid, business_ms bigint,
  sign integer
);
--> statement-breakpoint
CREATE TYPE draht_waiting_change AS (
  org_id uuid, day date, channel_account_id uuid, department_id uuid, waiting integer, overdue integer
);
--> statement-breakpoint
CREATE FUNCTION draht_apply_resolution_changes(changes draht_resolution_change[]) RETURNS void AS $$
BEGIN
  INSERT INTO response_daily_rollups AS r (org_id, day, channel_account_id, department_id, responder_user_id, histogram,
                                           resolved, resolution_business_ms_sum, resolution_histogram)
  SELECT b.org_id, b.day, b.channel_account_id, b.department_id, b.closed_by_user_id, array_fill(0, ARRAY[28]),
         sum(b.n), sum(b.ms),
         (SELECT array_agg(coalesce(h.n, 0)::integer ORDER BY i)
            FROM generate_series(1, 28) AS i
            LEFT JOIN unnest(array_agg(b.bucket), array_agg(b.n)) AS h(bucket, n) ON h.bucket = i)
    FROM (SELECT c.org_id, c.day, c.channel_account_id, c.department_id, c.closed_by_user_id,
                 draht_response_bucket(c.business_ms) AS bucket, sum(c.sign) AS n, sum(c.sign * c.business_ms) AS ms
            FROM unnest(changes) AS c
           GROUP BY 1, 2, 3, 4, 5, 6) AS b
   GROUP BY 1, 2, 3, 4, 5
   -- Rows locked in key order, so two transactions upserting overlapping keys never deadlock.
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT response_daily_rollups_key DO UPDATE SET
    resolved = r.resolved + excluded.resolved,
    resolution_business_ms_sum = r.resolution_business_ms_sum + excluded.resolution_business_ms_sum,
    resolution_histogram = draht_add_histograms(r.resolution_histogram, excluded.resolution_histogram);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION draht_apply_waiting_changes(changes draht_waiting_change[]) RETURNS void AS $$
BEGIN
  INSERT INTO waiting_daily_rollups AS r (org_id, day, channel_account_id, department_id, waiting, overdue)
  SELECT c.org_id, c.day, c.channel_account_id, c.department_id, sum(c.waiting), sum(c.overdue)
    FROM unnest(changes) AS c
   GROUP BY 1, 2, 3, 4
  HAVING sum(c.waiting) <> 0 OR sum(c.overdue) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT waiting_daily_rollups_key DO UPDATE SET
    waiting = r.waiting + excluded.waiting, overdue = r.overdue + excluded.overdue;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A running wait: waiting from the day it began, overdue from its due day (sign −1 takes that booking back).
CREATE FUNCTION draht_running_wait(org uuid, tz text, channel uuid, department uuid, since timestamptz,
                                   due timestamptz, sign integer) RETURNS SETOF draht_waiting_change AS $$
  SELECT org, (since AT TIME ZONE tz)::date, channel, department, sign, 0
  UNION ALL
  SELECT org, (due AT TIME ZONE tz)::date, channel, department, 0, sign WHERE due IS NOT NULL
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- An ended wait: waiting until the day it ended; overdue from its due day until then (none if it ended before).
CREATE FUNCTION draht_ended_wait(org uuid, tz text, channel uuid, department uuid, since timestamptz,
                                 due timestamptz, ended timestamptz) RETURNS SETOF draht_waiting_change AS $$
  SELECT org, (since AT TIME ZONE tz)::date, channel, department, 1, 0
  UNION ALL
  SELECT org, (ended AT TIME ZONE tz)::date, channel, department, -1, 0
  UNION ALL
  SELECT org, (due AT TIME ZONE tz)::date, channel, department, 0, 1 WHERE due IS NOT NULL
  UNION ALL
  SELECT org, (greatest(due, ended) AT TIME ZONE tz)::date, channel, department, 0, -1 WHERE due IS NOT NULL
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE FUNCTION draht_conversation_report_rollups() RETURNS trigger AS $$
DECLARE
  waits draht_waiting_change[];
  closings draht_resolution_change[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    waits := ARRAY(
      SELECT ROW(w.*)::draht_waiting_change FROM new_rows n JOIN organisations o ON o.id = n.org_id
       CROSS JOIN LATERAL draht_running_wait(n.org_id, o.time_zone, n.channel_account_id, n.department_id,
                                             n.waiting_since, n.response_due_at, 1) AS w
       WHERE n.waiting_since IS NOT NULL);
    closings := ARRAY(
      SELECT ROW(n.org_id, (n.closed_at AT TIME ZONE o.time_zone)::date, n.channel_account_id, n.department_id,
                 n.closed_by_user_id, n.resolution_business_ms, 1)::draht_resolution_change
        FROM new_rows n JOIN organisations o ON o.id = n.org_id
       WHERE n.status = 'closed' AND n.closed_at IS NOT NULL AND n.resolution_business_ms IS NOT NULL);
  ELSE
    -- The running wait as it was is taken back; if it ended, it is booked whole; a running wait now is booked.
    waits := ARRAY(
      SELECT ROW(w.*)::draht_waiting_change FROM old_rows d JOIN new_rows n ON n.id = d.id JOIN organisations o ON o.id = n.org_id
       CROSS JOIN LATERAL (
         SELECT * FROM draht_running_wait(d.org_id, o.time_zone, d.channel_account_id, d.department_id,
                                          d.waiting_since, d.response_due_at, -1)
          WHERE d.waiting_since IS NOT NULL
         UNION ALL
         SELECT * FROM draht_ended_wait(d.org_id, o.time_zone, d.channel_account_id, d.department_id,
                                        d.waiting_since, d.response_due_at, greatest(n.updated_at, d.waiting_since))
          WHERE d.waiting_since IS NOT NULL AND n.waiting_since IS DISTINCT FROM d.waiting_since
         UNION ALL
         SELECT * FROM draht_running_wait(n.org_id, o.time_zone, n.channel_account_id, n.department_id,
                                          n.waiting_since, n.response_due_at, 1)
          WHERE n.waiting_since IS NOT NULL) AS w
       WHERE (d.waiting_since, d.response_due_at, d.channel_account_id, d.department_id)
             IS DISTINCT FROM (n.waiting_since, n.response_due_at, n.channel_account_id, n.department_id));
    -- A closing as it was counted is taken back, and counted as it is now.
    closings := ARRAY(
      SELECT ROW(x.*)::draht_resolution_change
        FROM old_rows d JOIN new_rows n ON n.id = d.id JOIN organisations o ON o.id = n.org_id
       CROSS JOIN LATERAL (
         SELECT d.org_id, (d.closed_at AT TIME ZONE o.time_zone)::date, d.channel_account_id, d.department_id,
                d.closed_by_user_id, d.resolution_business_ms, -1
          WHERE d.status = 'closed' AND d.closed_at IS NOT NULL AND d.resolution_business_ms IS NOT NULL
         UNION ALL
         SELECT n.org_id, (n.closed_at AT TIME ZONE o.time_zone)::date, n.channel_account_id, n.department_id,
                n.closed_by_user_id, n.resolution_business_ms, 1
          WHERE n.status = 'closed' AND n.closed_at IS NOT NULL AND n.resolution_business_ms IS NOT NULL) AS x
       WHERE (d.status, d.closed_at, d.resolution_business_ms, d.closed_by_user_id, d.channel_account_id,
              d.department_id)
             IS DISTINCT FROM (n.status, n.closed_at, n.resolution_business_ms, n.closed_by_user_id,
                               n.channel_account_id, n.department_id));
  END IF;
  IF cardinality(waits) > 0 THEN
    PERFORM draht_apply_waiting_changes(waits);
  END IF;
  IF cardinality(closings) > 0 THEN
    PERFORM draht_apply_resolution_changes(closings);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER conversations_report_rollups_insert AFTER INSERT ON conversations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_conversation_report_rollups();
--> statement-breakpoint
CREATE TRIGGER conversations_report_rollups_update AFTER UPDATE ON conversations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION draht_conversation_report_rollups();
--> statement-breakpoint
-- Another time zone: the running waits and the closings move to the days of the new calendar.
CREATE FUNCTION draht_time_zone_report_rollups() RETURNS trigger AS $$
BEGIN
  PERFORM draht_apply_waiting_changes(ARRAY(
    SELECT ROW(w.*)::draht_waiting_change FROM conversations c
     CROSS JOIN (VALUES (OLD.time_zone, -1), (NEW.time_zone, 1)) AS s(tz, sign)
     CROSS JOIN LATERAL draht_running_wait(c.org_id, s.tz, c.channel_account_id, c.department_id, c.waiting_since,
                                           c.response_due_at, s.sign) AS w
     WHERE c.org_id = NEW.id AND c.waiting_since IS NOT NULL));
  PERFORM draht_apply_resolution_changes(ARRAY(
    SELECT ROW(c.org_id, (c.closed_at AT TIME ZONE s.tz)::date, c.channel_account_id, c.department_id,
               c.closed_by_user_id, c.resolution_business_ms, s.sign)::draht_resolution_change
      FROM conversations c
     CROSS JOIN (VALUES (OLD.time_zone, -1), (NEW.time_zone, 1)) AS s(tz, sign)
     WHERE c.org_id = NEW.id AND c.status = 'closed' AND c.closed_at IS NOT NULL
       AND c.resolution_business_ms IS NOT NULL));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER organisations_time_zone_report_rollups AFTER UPDATE OF time_zone ON organisations
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION draht_time_zone_report_rollups();
--> statement-breakpoint
-- What waits now is booked; how long earlier waits lasted, and the business time of earlier closings, were not
-- kept: the series begins with what waits at this migration, resolution with the first closing after it.
SELECT draht_apply_waiting_changes(ARRAY(
  SELECT ROW(w.*)::draht_waiting_change FROM conversations c JOIN organisations o ON o.id = c.org_id
   CROSS JOIN LATERAL draht_running_wait(c.org_id, o.time_zone, c.channel_account_id, c.department_id,
                                         c.waiting_since, c.response_due_at, 1) AS w
   WHERE c.waiting_since IS NOT NULL));
