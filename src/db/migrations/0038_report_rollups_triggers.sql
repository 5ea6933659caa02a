-- The report rollups (0037) kept by the database itself, in the transaction of every change, so no path
-- that writes messages or conversations can forget them and a report never disagrees with a straight
-- count. Messages: statement triggers with transition tables (one grouped upsert per statement, whatever
-- its size); a conversation moved to another department moves its messages' counts; a first answer adds
-- to the response rollup. Days are calendar days in the organisation's time zone. Mood lines as in
-- src/domain/reports/mood.ts, compared in single precision like the stored column; bucket edges as in
-- src/domain/reports/responseHistogram.ts (test/report-rollups.test.ts checks both). Each key term of a message
-- (inbound_messages.topics, text/keyTerms.ts) counts in topic_daily_rollups alongside.
CREATE TYPE draht_message_contribution AS (
  org_id uuid, received_at timestamptz, channel_account_id uuid, department_id uuid,
  sentiment real, intent text, flagged boolean, visibility text, topics text[], topic_labels text[],
  sign integer
);
--> statement-breakpoint
-- PL/pgSQL, not SQL: its statement's plan is kept for the session instead of planned at every call.
CREATE FUNCTION draht_apply_message_contributions(changes draht_message_contribution[]) RETURNS void AS $$
BEGIN
  INSERT INTO message_daily_rollups AS r (org_id, day, channel_account_id, department_id, messages, negative, neutral,
                                          positive, questions, complaints, praise, flagged, held, hidden, deleted,
                                          sentiment_sum)
  SELECT c.org_id, (c.received_at AT TIME ZONE o.time_zone)::date, c.channel_account_id, c.department_id,
         sum(c.sign),
         sum(c.sign * (c.sentiment < (-0.2)::real)::int),
         sum(c.sign * (c.sentiment BETWEEN (-0.2)::real AND (0.2)::real)::int),
         sum(c.sign * (c.sentiment > (0.2)::real)::int),
         sum(c.sign * (c.intent = 'question')::int),
         sum(c.sign * (c.intent = 'complaint')::int),
         sum(c.sign * (c.intent = 'praise')::int),
         sum(c.sign * c.flagged::int),
         sum(c.sign * (c.visibility = 'held')::int),
         sum(c.sign * (c.visibility = 'hidden')::int),
         sum(c.sign * (c.visibility = 'deleted')::int),
         sum(c.sign * c.sentiment::double precision)
    FROM unnest(changes) AS c
    JOIN organisations o ON o.id = c.org_id
   GROUP BY 1, 2, 3, 4
   -- Rows locked in key order, so two transactions upserting overlapping keys never deadlock.
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT message_daily_rollups_key DO UPDATE SET
    messages = r.messages + excluded.messages, negative = r.negative + excluded.negative,
    neutral = r.neutral + excluded.neutral, positive = r.positive + excluded.positive,
    questions = r.questions + excluded.questions, complaints = r.complaints + excluded.complaints,
    praise = r.praise + excluded.praise, flagged = r.flagged + excluded.flagged, held = r.held + excluded.held,
    hidden = r.hidden + excluded.hidden, deleted = r.deleted + excluded.deleted,
    sentiment_sum = r.sentiment_sum + excluded.sentiment_sum;
  -- What the messages were about: each key term of a visible message (text/keyTerms.ts), per day, channel and
  -- department.
  INSERT INTO topic_daily_rollups AS r (org_id, day, channel_account_id, department_id, topic, label, messages,
                                        negative, neutral, positive, questions)
  SELECT c.org_id, (c.received_at AT TIME ZONE o.time_zone)::date, c.channel_account_id, c.department_id, t.topic,
         min(coalesce(t.label, t.topic)),
         sum(c.sign),
         sum(c.sign * (c.sentiment < (-0.2)::real)::int),
         sum(c.sign * (c.sentiment BETWEEN (-0.2)::real AND (0.2)::real)::int),
         sum(c.sign * (c.sentiment > (0.2)::real)::int),
         sum(c.sign * (c.intent = 'question')::int)
    FROM unnest(changes) AS c
   CROSS JOIN LATERAL unnest(c.topics, c.topic_labels) AS t(topic, label)
    JOIN organisations o ON o.id = c.org_id
   -- A held, hidden or deleted message's words are not what the organisation's citizens talk about, and may be
   -- what moderation took away (a name, an address): they count in the message rollup only.
   WHERE c.visibility = 'visible'
   GROUP BY 1, 2, 3, 4, 5
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT topic_daily_rollups_key DO UPDATE SET
    messages = r.messages + excluded.messages, negative = r.negative + excluded.negative,
    neutral = r.neutral + excluded.neutral, positive = r.positive + excluded.positive,
    questions = r.questions + excluded.questions;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A message counts once it belongs to a conversation, for that conversation's current department.
CREATE FUNCTION draht_message_rollups() RETURNS trigger AS $$
DECLARE
  changes draht_message_contribution[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(n.org_id, n.received_at, n.channel_account_id, v.department_id, n.sentiment, n.intent, n.flagged,
                 n.visibility, n.topics, n.topic_labels, 1)::draht_message_contribution
        FROM new_rows n JOIN conversations v ON v.id = n.conversation_id);
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      SELECT ROW(d.org_id, d.received_at, d.channel_account_id, v.department_id, d.sentiment, d.intent, d.flagged,
                 d.visibility, d.topics, d.topic_labels, -1)::draht_message_contribution
        FROM old_rows d JOIN conversations v ON v.id = d.conversation_id);
  ELSE
    changes := ARRAY(
      SELECT ROW(x.org_id, x.received_at, x.channel_account_id, v.department_id, x.sentiment, x.intent, x.flagged,
                 x.visibility, x.topics, x.topic_labels, x.sign)::draht_message_contribution
        FROM (
          SELECT n.*, 1 AS sign FROM new_rows n JOIN old_rows d ON d.id = n.id
           WHERE (d.conversation_id, d.received_at, d.channel_account_id, d.sentiment, d.intent, d.flagged, d.visibility, d.topics, d.topic_labels)
                 IS DISTINCT FROM
                 (n.conversation_id, n.received_at, n.channel_account_id, n.sentiment, n.intent, n.flagged, n.visibility, n.topics, n.topic_labels)
          UNION ALL
          SELECT d.*, -1 AS sign FROM old_rows d JOIN new_rows n ON n.id = d.id
           WHERE (d.conversation_id, d.received_at, d.channel_account_id, d.sentiment, d.intent, d.flagged, d.visibility, d.topics, d.topic_labels)
                 IS DISTINCT FROM
                 (n.conversation_id, n.received_at, n.channel_account_id, n.sentiment, n.intent, n.flagged, n.visibility, n.topics, n.topic_labels)
        ) AS x
        JOIN conversations v ON v.id = x.conversation_id);
  END IF;
  IF cardinality(changes) > 0 THEN
    PERFORM draht_apply_message_contributions(changes);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER inbound_messages_rollups_insert AFTER INSERT ON inbound_messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_message_rollups();
--> statement-breakpoint
CREATE TRIGGER inbound_messages_rollups_update AFTER UPDATE ON inbound_messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_message_rollups();
--> statement-breakpoint
CREATE TRIGGER inbound_messages_rollups_delete AFTER DELETE ON inbound_messages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_message_rollups();
--> statement-breakpoint
-- A new conversation is routed before its messages are linked: nothing to move then (the cheap check first).
CREATE FUNCTION draht_conversation_department_rollups() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM inbound_messages WHERE conversation_id = NEW.id) THEN
    RETURN NULL;
  END IF;
  PERFORM draht_apply_message_contributions(ARRAY(
    SELECT ROW(m.org_id, m.received_at, m.channel_account_id, s.department_id, m.sentiment, m.intent, m.flagged,
               m.visibility, m.topics, m.topic_labels, s.sign)::draht_message_contribution
      FROM inbound_messages m
     CROSS JOIN (VALUES (OLD.department_id, -1), (NEW.department_id, 1)) AS s(department_id, sign)
     WHERE m.conversation_id = NEW.id));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER conversations_department_rollups AFTER UPDATE OF department_id ON conversations
  FOR EACH ROW WHEN (OLD.department_id IS DISTINCT FROM NEW.department_id)
  EXECUTE FUNCTION draht_conversation_department_rollups();
--> statement-breakpoint
CREATE FUNCTION draht_response_bucket(business_ms bigint) RETURNS integer AS $$
  SELECT count(*)::integer
    FROM unnest(ARRAY[0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 360, 480, 600, 720, 960, 1200, 1440, 1920,
                      2400, 2880, 3840, 4800, 7200, 9600, 14400]::bigint[]) AS e(minutes)
   WHERE e.minutes * 60000 <= greatest(business_ms, 0)
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE FUNCTION draht_response_histogram(business_ms bigint) RETURNS integer[] AS $$
  SELECT array_agg((i = draht_response_bucket(business_ms))::integer ORDER BY i) FROM generate_series(1, 28) AS i
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE FUNCTION draht_add_histograms(a integer[], b integer[]) RETURNS integer[] AS $$
  SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- A first answer, on the day it was sent, for the department and person that sent it; "within target" against
-- the due time that was running when it was sent.
CREATE FUNCTION draht_response_rollups() RETURNS trigger AS $$
DECLARE
  due timestamptz := CASE WHEN TG_OP = 'UPDATE' THEN OLD.response_due_at ELSE NULL END;
  again boolean := CASE WHEN TG_OP = 'UPDATE' THEN OLD.asked_again ELSE NEW.asked_again END;
BEGIN
  INSERT INTO response_daily_rollups AS r (org_id, day, channel_account_id, department_id, responder_user_id, answered,
                                           within_target, with_target, asked_again, business_ms_sum, histogram)
  SELECT NEW.org_id, (NEW.first_response_at AT TIME ZONE o.time_zone)::date, NEW.channel_account_id,
         NEW.department_id, NEW.first_responder_user_id, 1,
         (due IS NOT NULL AND NEW.first_response_at <= due)::integer, (due IS NOT NULL)::integer, again::integer,
         NEW.first_response_business_ms, draht_response_histogram(NEW.first_response_business_ms)
    FROM organisations o WHERE o.id = NEW.org_id
  ON CONFLICT ON CONSTRAINT response_daily_rollups_key DO UPDATE SET
    answered = r.answered + excluded.answered, within_target = r.within_target + excluded.within_target,
    with_target = r.with_target + excluded.with_target, asked_again = r.asked_again + excluded.asked_again,
    business_ms_sum = r.business_ms_sum + excluded.business_ms_sum,
    histogram = draht_add_histograms(r.histogram, excluded.histogram);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER conversations_response_rollups_update AFTER UPDATE OF first_response_at ON conversations
  FOR EACH ROW WHEN (OLD.first_response_at IS NULL AND NEW.first_response_at IS NOT NULL
                     AND NEW.first_response_business_ms IS NOT NULL)
  EXECUTE FUNCTION draht_response_rollups();
--> statement-breakpoint
CREATE TRIGGER conversations_response_rollups_insert AFTER INSERT ON conversations
  FOR EACH ROW WHEN (NEW.first_response_at IS NOT NULL AND NEW.first_response_business_ms IS NOT NULL)
  EXECUTE FUNCTION draht_response_rollups();
--> statement-breakpoint
-- An organisation's message and topic rollups counted again from its messages: at this migration, and when the
-- organisation's time zone changes (its days begin at another hour; app/orgs/update-organisation.ts). First
-- answers keep the day they were counted on: whether one met its target is not kept anywhere else.
CREATE FUNCTION draht_rebuild_message_rollups(organisation uuid) RETURNS void AS $$
BEGIN
  DELETE FROM message_daily_rollups WHERE org_id = organisation;
  DELETE FROM topic_daily_rollups WHERE org_id = organisation;
  PERFORM draht_apply_message_contributions(ARRAY(
    SELECT ROW(m.org_id, m.received_at, m.channel_account_id, v.department_id, m.sentiment, m.intent, m.flagged,
               m.visibility, m.topics, m.topic_labels, 1)::draht_message_contribution
      FROM inbound_messages m JOIN conversations v ON v.id = m.conversation_id
     WHERE m.org_id = organisation));
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- What is already there.
SELECT draht_rebuild_message_rollups(id) FROM organisations;
--> statement-breakpoint
-- (Whether an earlier answer met its target was not kept: those count as answers without a target.)
WITH answers AS (
  SELECT v.org_id, (v.first_response_at AT TIME ZONE o.time_zone)::date AS day, v.channel_account_id, v.department_id,
         v.first_responder_user_id, draht_response_bucket(v.first_response_business_ms) AS bucket, count(*) AS n,
         sum(v.first_response_business_ms) AS ms
    FROM conversations v JOIN organisations o ON o.id = v.org_id
   WHERE v.first_response_at IS NOT NULL AND v.first_response_business_ms IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6)
INSERT INTO response_daily_rollups (org_id, day, channel_account_id, department_id, responder_user_id, answered,
                                    within_target, with_target, asked_again, business_ms_sum, histogram)
SELECT a.org_id, a.day, a.channel_account_id, a.department_id, a.first_responder_user_id, sum(a.n), 0, 0, 0, sum(a.ms),
       (SELECT array_agg(coalesce(h.n, 0)::integer ORDER BY i)
          FROM generate_series(1, 28) AS i
          LEFT JOIN unnest(array_agg(a.bucket), array_agg(a.n)) AS h(bucket, n) ON h.bucket = i)
  FROM answers a
 GROUP BY 1, 2, 3, 4, 5;
