-- The message, topic and post rollups (0038, 0046) kept in one pass instead of two, so that ingestion with the
-- rollups stays within 90 % of its throughput without them (bench/reports.ts, issue #18):
--  * one statement trigger per event on inbound_messages (was two: message and post rollups each joined the
--    transition tables and the conversations on their own), building one list of contributions that a single
--    statement adds to all three rollups (data-modifying WITH: the day and mood of each contribution worked out
--    once);
--  * a conversation moved to another department moves its messages' counts by a statement trigger (was two row
--    triggers, each a PL/pgSQL call and an index probe per conversation: an ingestion batch routes hundreds of new
--    conversations, none with messages yet);
--  * groups whose changes cancel out (a message hidden: its post's counts −1 and +1 on the same row) write nothing.
-- What they count, and when, is unchanged: a message counts once it belongs to a conversation, for that
-- conversation's current department, on its day in the organisation's time zone; mood lines as in
-- src/domain/reports/mood.ts, compared in single precision like the stored column; a key term only for a visible
-- message; a post only for a message that reacts to one (inbound_messages.post_id).
-- The triggers and functions of 0038 and 0046 that this replaces.
DROP TRIGGER inbound_messages_rollups_insert ON inbound_messages;
--> statement-breakpoint
DROP TRIGGER inbound_messages_rollups_update ON inbound_messages;
--> statement-breakpoint
DROP TRIGGER inbound_messages_rollups_delete ON inbound_messages;
--> statement-breakpoint
DROP TRIGGER inbound_messages_post_rollups_insert ON inbound_messages;
--> statement-breakpoint
DROP TRIGGER inbound_messages_post_rollups_update ON inbound_messages;
--> statement-breakpoint
DROP TRIGGER inbound_messages_post_rollups_delete ON inbound_messages;
--> statement-breakpoint
DROP TRIGGER conversations_department_rollups ON conversations;
--> statement-breakpoint
DROP TRIGGER conversations_department_post_rollups ON conversations;
--> statement-breakpoint
DROP FUNCTION draht_message_rollups();
--> statement-breakpoint
DROP FUNCTION draht_post_rollups();
--> statement-breakpoint
DROP FUNCTION draht_conversation_department_rollups();
--> statement-breakpoint
DROP FUNCTION draht_conversation_department_post_rollups();
--> statement-breakpoint
DROP FUNCTION draht_rebuild_message_rollups(uuid);
--> statement-breakpoint
DROP FUNCTION draht_rebuild_post_rollups(uuid);
--> statement-breakpoint
DROP FUNCTION draht_apply_message_contributions(draht_message_contribution[]);
--> statement-breakpoint
DROP FUNCTION draht_apply_post_contributions(draht_post_contribution[]);
--> statement-breakpoint
DROP TYPE draht_message_contribution;
--> statement-breakpoint
DROP TYPE draht_post_contribution;
--> statement-breakpoint
CREATE TYPE draht_inbound_contribution AS (
  org_id uuid, received_at timestamptz, channel_account_id uuid, department_id uuid, post_id uuid,
  sentiment real, intent text, flagged boolean, visibility text, topics text[], topic_labels text[],
  sign integer
);
--> statement-breakpoint
-- PL/pgSQL, not SQL: its statement's plan is kept for the session instead of planned at every call. Rows are
-- upserted in key order, so two transactions upserting overlapping keys never deadlock.
CREATE FUNCTION draht_apply_inbound_contributions(changes draht_inbound_contribution[]) RETURNS void AS $$
BEGIN
  WITH c AS MATERIALIZED (
    SELECT x.org_id, (x.received_at AT TIME ZONE o.time_zone)::date AS day, x.channel_account_id, x.department_id,
           x.post_id, x.visibility, x.topics, x.topic_labels, x.sign,
           x.sign * (x.sentiment < (-0.2)::real)::int AS negative,
           x.sign * (x.sentiment BETWEEN (-0.2)::real AND (0.2)::real)::int AS neutral,
           x.sign * (x.sentiment > (0.2)::real)::int AS positive,
           x.sign * (x.intent = 'question')::int AS questions,
           x.sign * (x.intent = 'complaint')::int AS complaints,
           x.sign * (x.intent = 'praise')::int AS praise,
           x.sign * x.flagged::int AS flagged,
           x.sign * (x.visibility = 'held')::int AS held,
           x.sign * (x.visibility = 'hidden')::int AS hidden,
           x.sign * (x.visibility = 'deleted')::int AS deleted,
           x.sign * x.sentiment::double precision AS sentiment
      FROM unnest(changes) AS x
      JOIN organisations o ON o.id = x.org_id
  ), messages AS (
    INSERT INTO message_daily_rollups AS r (org_id, day, channel_account_id, department_id, messages, negative, neutral,
                                            positive, questions, complaints, praise, flagged, held, hidden, deleted,
                                            sentiment_sum)
    SELECT c.org_id, c.day, c.channel_account_id, c.department_id, sum(c.sign), sum(c.negative), sum(c.neutral),
           sum(c.positive), sum(c.questions), sum(c.complaints), sum(c.praise), sum(c.flagged), sum(c.held),
           sum(c.hidden), sum(c.deleted), sum(c.sentiment)
      FROM c
     GROUP BY 1, 2, 3, 4
    HAVING sum(c.sign) <> 0 OR sum(c.negative) <> 0 OR sum(c.neutral) <> 0 OR sum(c.positive) <> 0
        OR sum(c.questions) <> 0 OR sum(c.complaints) <> 0 OR sum(c.praise) <> 0 OR sum(c.flagged) <> 0
        OR sum(c.held) <> 0 OR sum(c.hidden) <> 0 OR sum(c.deleted) <> 0 OR sum(c.sentiment) <> 0
     ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT message_daily_rollups_key DO UPDATE SET
      messages = r.messages + excluded.messages, negative = r.negative + excluded.negative,
      neutral = r.neutral + excluded.neutral, positive = r.positive + excluded.positive,
      questions = r.questions + excluded.questions, complaints = r.complaints + excluded.complaints,
      praise = r.praise + excluded.praise, flagged = r.flagged + excluded.flagged, held = r.held + excluded.held,
      hidden = r.hidden + excluded.hidden, deleted = r.deleted + excluded.deleted,
      sentiment_sum = r.sentiment_sum + excluded.sentiment_sum
  ), topics AS (
    -- A held, hidden or deleted message's words are not what the organisation's citizens talk about, and may be
    -- what moderation took away (a name, an address): they count in the message rollup only.
    INSERT INTO topic_daily_rollups AS r (org_id, day, channel_account_id, department_id, topic, label, messages,
                                          negative, neutral, positive, questions)
    SELECT c.org_id, c.day, c.channel_account_id, c.department_id, t.topic, min(coalesce(t.label, t.topic)),
           sum(c.sign), sum(c.negative), sum(c.neutral), sum(c.positive), sum(c.questions)
      FROM c
     CROSS JOIN LATERAL unnest(c.topics, c.topic_labels) AS t(topic, label)
     WHERE c.visibility = 'visible'
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(c.sign) <> 0 OR sum(c.negative) <> 0 OR sum(c.neutral) <> 0 OR sum(c.positive) <> 0
        OR sum(c.questions) <> 0
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT topic_daily_rollups_key DO UPDATE SET
      messages = r.messages + excluded.messages, negative = r.negative + excluded.negative,
      neutral = r.neutral + excluded.neutral, positive = r.positive + excluded.positive,
      questions = r.questions + excluded.questions
  )
  INSERT INTO post_daily_rollups AS r (org_id, day, post_id, channel_account_id, department_id, messages, negative,
                                       neutral, positive, questions, sentiment_sum)
  SELECT c.org_id, c.day, c.post_id, c.channel_account_id, c.department_id, sum(c.sign), sum(c.negative),
         sum(c.neutral), sum(c.positive), sum(c.questions), sum(c.sentiment)
    FROM c
   WHERE c.post_id IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(c.sign) <> 0 OR sum(c.negative) <> 0 OR sum(c.neutral) <> 0 OR sum(c.positive) <> 0
      OR sum(c.questions) <> 0 OR sum(c.sentiment) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT post_daily_rollups_key DO UPDATE SET
    messages = r.messages + excluded.messages, negative = r.negative + excluded.negative,
    neutral = r.neutral + excluded.neutral, positive = r.positive + excluded.positive,
    questions = r.questions + excluded.questions, sentiment_sum = r.sentiment_sum + excluded.sentiment_sum;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION draht_inbound_rollups() RETURNS trigger AS $$
DECLARE
  changes draht_inbound_contribution[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Ingestion stores a batch before it threads it (app/inbox/ingest-messages.ts): nothing counts yet.
    IF NOT EXISTS (SELECT 1 FROM new_rows WHERE conversation_id IS NOT NULL) THEN
      RETURN NULL;
    END IF;
    changes := ARRAY(
      SELECT ROW(n.org_id, n.received_at, n.channel_account_id, v.department_id, n.post_id, n.sentiment, n.intent,
                 n.flagged, n.visibility, n.topics, n.topic_labels, 1)::draht_inbound_contribution
        FROM new_rows n JOIN conversations v ON v.id = n.conversation_id);
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      SELECT ROW(d.org_id, d.received_at, d.channel_account_id, v.department_id, d.post_id, d.sentiment, d.intent,
                 d.flagged, d.visibility, d.topics, d.topic_labels, -1)::draht_inbound_contribution
        FROM old_rows d JOIN conversations v ON v.id = d.conversation_id);
  ELSE
    -- A changed message: its count as it was taken back, as it is now added (a message threaded only now has
    -- nothing to take back: its old conversation is none).
    changes := ARRAY(
      SELECT ROW(x.org_id, x.received_at, x.channel_account_id, v.department_id, x.post_id, x.sentiment, x.intent,
                 x.flagged, x.visibility, x.topics, x.topic_labels, x.sign)::draht_inbound_contribution
        FROM old_rows d
        JOIN new_rows n ON n.id = d.id
       CROSS JOIN LATERAL (VALUES
               (d.org_id, d.received_at, d.channel_account_id, d.conversation_id, d.post_id, d.sentiment, d.intent,
                d.flagged, d.visibility, d.topics, d.topic_labels, -1),
               (n.org_id, n.received_at, n.channel_account_id, n.conversation_id, n.post_id, n.sentiment, n.intent,
                n.flagged, n.visibility, n.topics, n.topic_labels, 1))
             AS x(org_id, received_at, channel_account_id, conversation_id, post_id, sentiment, intent, flagged,
                  visibility, topics, topic_labels, sign)
        JOIN conversations v ON v.id = x.conversation_id
       WHERE (d.conversation_id, d.received_at, d.channel_account_id, d.post_id, d.sentiment, d.intent, d.flagged,
              d.visibility, d.topics, d.topic_labels)
             IS DISTINCT FROM
             (n.conversation_id, n.received_at, n.channel_account_id, n.post_id, n.sentiment, n.intent, n.flagged,
              n.visibility, n.topics, n.topic_labels));
  END IF;
  IF cardinality(changes) > 0 THEN
    PERFORM draht_apply_inbound_contributions(changes);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Conversations moved to another department take their messages' counts along (a new conversation is routed
-- before its messages are linked: nothing to move then).
CREATE FUNCTION draht_conversation_department_rollups() RETURNS trigger AS $$
DECLARE
  moved uuid[];
  changes draht_inbound_contribution[];
BEGIN
  moved := ARRAY(SELECT n.id FROM old_rows d JOIN new_rows n ON n.id = d.id
                  WHERE d.department_id IS DISTINCT FROM n.department_id);
  IF cardinality(moved) = 0 THEN
    RETURN NULL;
  END IF;
  -- The messages found by the conversation index, one probe per moved conversation (a join with the transition
  -- tables would be planned without knowing how few they are, as a scan of all messages).
  changes := ARRAY(
    SELECT ROW(m.org_id, m.received_at, m.channel_account_id, s.department_id, m.post_id, m.sentiment, m.intent,
               m.flagged, m.visibility, m.topics, m.topic_labels, s.sign)::draht_inbound_contribution
      FROM inbound_messages m
      JOIN old_rows d ON d.id = m.conversation_id
      JOIN new_rows n ON n.id = m.conversation_id
     CROSS JOIN LATERAL (VALUES (d.department_id, -1), (n.department_id, 1)) AS s(department_id, sign)
     WHERE m.conversation_id = ANY(moved));
  IF cardinality(changes) > 0 THEN
    PERFORM draht_apply_inbound_contributions(changes);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- An organisation's message, topic and post rollups counted again from its messages: when its time zone changes
-- (its days begin at another hour; app/orgs/update-organisation.ts).
CREATE FUNCTION draht_rebuild_inbound_rollups(organisation uuid) RETURNS void AS $$
BEGIN
  DELETE FROM message_daily_rollups WHERE org_id = organisation;
  DELETE FROM topic_daily_rollups WHERE org_id = organisation;
  DELETE FROM post_daily_rollups WHERE org_id = organisation;
  PERFORM draht_apply_inbound_contributions(ARRAY(
    SELECT ROW(m.org_id, m.received_at, m.channel_account_id, v.department_id, m.post_id, m.sentiment, m.intent,
               m.flagged, m.visibility, m.topics, m.topic_labels, 1)::draht_inbound_contribution
      FROM inbound_messages m JOIN conversations v ON v.id = m.conversation_id
     WHERE m.org_id = organisation));
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER inbound_messages_rollups_insert AFTER INSERT ON inbound_messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_inbound_rollups();
--> statement-breakpoint
CREATE TRIGGER inbound_messages_rollups_update AFTER UPDATE ON inbound_messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_inbound_rollups();
--> statement-breakpoint
CREATE TRIGGER inbound_messages_rollups_delete AFTER DELETE ON inbound_messages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_inbound_rollups();
--> statement-breakpoint
CREATE TRIGGER conversations_department_rollups AFTER UPDATE ON conversations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION draht_conversation_department_rollups();
