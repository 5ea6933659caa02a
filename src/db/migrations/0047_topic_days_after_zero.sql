-- 0041's trigger function again, with one fix: when a term's daily row rose again after falling to 0 (its only
-- message hidden, then another message of the term on the same day, channel and department), topic_days lost
-- the day for good — the update branch updated a row the fall had deleted. It now upserts. The terms' days are
-- counted again from the daily rollup.
CREATE OR REPLACE FUNCTION draht_topic_rollups_by_month() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO topic_monthly_rollups AS r (org_id, month, channel_account_id, department_id, topic, label, messages,
                                            negative, neutral, positive, questions)
    SELECT n.org_id, date_trunc('month', n.day)::date, n.channel_account_id, n.department_id, n.topic, min(n.label),
           sum(n.messages), sum(n.negative), sum(n.neutral), sum(n.positive), sum(n.questions)
      FROM new_rows n
     GROUP BY 1, 2, 3, 4, 5
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT topic_monthly_rollups_key DO UPDATE SET
      messages = r.messages + excluded.messages, negative = r.negative + excluded.negative,
      neutral = r.neutral + excluded.neutral, positive = r.positive + excluded.positive,
      questions = r.questions + excluded.questions;
    INSERT INTO topic_days AS r (org_id, topic, day, messages)
    SELECT n.org_id, n.topic, n.day, sum(n.messages) FROM new_rows n GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (org_id, topic, day) DO UPDATE SET messages = r.messages + excluded.messages;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO topic_monthly_rollups AS r (org_id, month, channel_account_id, department_id, topic, label, messages,
                                            negative, neutral, positive, questions)
    SELECT n.org_id, date_trunc('month', n.day)::date, n.channel_account_id, n.department_id, n.topic, min(n.label),
           sum(n.messages - o.messages), sum(n.negative - o.negative), sum(n.neutral - o.neutral),
           sum(n.positive - o.positive), sum(n.questions - o.questions)
      FROM new_rows n
      JOIN old_rows o ON (o.org_id, o.day, o.channel_account_id, o.topic) = (n.org_id, n.day, n.channel_account_id, n.topic)
                     AND o.department_id IS NOT DISTINCT FROM n.department_id
     GROUP BY 1, 2, 3, 4, 5
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT topic_monthly_rollups_key DO UPDATE SET
      messages = r.messages + excluded.messages, negative = r.negative + excluded.negative,
      neutral = r.neutral + excluded.neutral, positive = r.positive + excluded.positive,
      questions = r.questions + excluded.questions;
    -- An upsert: the day's row is gone when its count fell to 0 before (the daily row stays, at 0).
    INSERT INTO topic_days AS r (org_id, topic, day, messages)
    SELECT n.org_id, n.topic, n.day, sum(n.messages - o.messages)
      FROM new_rows n
      JOIN old_rows o ON (o.org_id, o.day, o.channel_account_id, o.topic) = (n.org_id, n.day, n.channel_account_id, n.topic)
                     AND o.department_id IS NOT DISTINCT FROM n.department_id
     GROUP BY 1, 2, 3 HAVING sum(n.messages - o.messages) <> 0
     ORDER BY 1, 2, 3
    ON CONFLICT (org_id, topic, day) DO UPDATE SET messages = r.messages + excluded.messages;
    -- A day on which every mention was taken away (hidden, deleted) is no longer one of the term's days.
    DELETE FROM topic_days AS r
     USING (SELECT n.org_id, n.topic, n.day FROM new_rows n JOIN old_rows o
                ON (o.org_id, o.day, o.channel_account_id, o.topic) = (n.org_id, n.day, n.channel_account_id, n.topic)
               AND o.department_id IS NOT DISTINCT FROM n.department_id
             WHERE n.messages < o.messages) AS g
     WHERE (r.org_id, r.topic, r.day) = (g.org_id, g.topic, g.day) AND r.messages <= 0;
  ELSE
    UPDATE topic_monthly_rollups AS r
       SET messages = r.messages - g.messages, negative = r.negative - g.negative, neutral = r.neutral - g.neutral,
           positive = r.positive - g.positive, questions = r.questions - g.questions
      FROM (SELECT o.org_id, date_trunc('month', o.day)::date AS month, o.channel_account_id, o.department_id, o.topic,
                   sum(o.messages) AS messages, sum(o.negative) AS negative, sum(o.neutral) AS neutral,
                   sum(o.positive) AS positive, sum(o.questions) AS questions
              FROM old_rows o GROUP BY 1, 2, 3, 4, 5) AS g
     WHERE (r.org_id, r.month, r.channel_account_id, r.topic) = (g.org_id, g.month, g.channel_account_id, g.topic)
       AND r.department_id IS NOT DISTINCT FROM g.department_id;
    UPDATE topic_days AS r SET messages = r.messages - g.messages
      FROM (SELECT o.org_id, o.topic, o.day, sum(o.messages) AS messages FROM old_rows o GROUP BY 1, 2, 3) AS g
     WHERE (r.org_id, r.topic, r.day) = (g.org_id, g.topic, g.day);
    DELETE FROM topic_days AS r
     USING (SELECT DISTINCT o.org_id, o.topic, o.day FROM old_rows o) AS g
     WHERE (r.org_id, r.topic, r.day) = (g.org_id, g.topic, g.day) AND r.messages <= 0;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DELETE FROM topic_days;
--> statement-breakpoint
INSERT INTO topic_days (org_id, topic, day, messages)
SELECT org_id, topic, day, sum(messages) FROM topic_daily_rollups GROUP BY 1, 2, 3 HAVING sum(messages) > 0;
