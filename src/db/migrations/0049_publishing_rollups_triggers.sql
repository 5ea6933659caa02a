-- The Veröffentlichung report's rollups (0048, src/db/schema/publishingRollups.ts) kept by the database itself, in
-- the transaction of every change, like the message rollups of 0038: statement triggers with transition tables, one
-- grouped upsert per statement. Days are calendar days in the organisation's time zone.
--  * publication_daily_rollups: a publication counts +1 as it is now and −1 as it was (published: on the day it went
--    out, with its counters; failed: on the day it was due), for its channel account and its post's department and
--    campaign. The counters follow publication_metrics; a post moved to another department or campaign moves its
--    publications; another time zone moves everything to the new calendar days.
--  * published_post_rollups: a post is counted by the set of channel accounts it went out on per day, so it counts
--    once however many of the viewer's accounts it reached. That is not a sum over its publications: when one of
--    them changes, the post's whole contribution as it was is taken back and booked as it is now. The post's row is
--    locked first (the order posts → publications, as everywhere else), so two transactions publishing parts of one
--    post see each other's work.
-- A deleted publication (none are, today) takes its counts back before it goes (a row trigger: its counters go with it).
CREATE TYPE draht_publication_change AS (
  org_id uuid, day date, channel_account_id uuid, department_id uuid, campaign_id uuid, published integer,
  failed integer, likes integer, reposts integer, replies integer, fetched_at timestamptz
);
--> statement-breakpoint
CREATE TYPE draht_post_publication AS (
  org_id uuid, post_id uuid, department_id uuid, campaign_id uuid, channel_account_id uuid, day date, sign integer
);
--> statement-breakpoint
-- One publication's part: counted = 0 books only its counters (a change of publication_metrics).
CREATE FUNCTION draht_publication_contribution(org uuid, tz text, channel uuid, department uuid, campaign uuid,
                                               status text, published_at timestamptz, due_at timestamptz,
                                               likes integer, reposts integer, replies integer,
                                               fetched_at timestamptz, sign integer, counted integer)
  RETURNS SETOF draht_publication_change AS $$
  SELECT org, (published_at AT TIME ZONE tz)::date, channel, department, campaign, sign * counted, 0,
         sign * coalesce(likes, 0), sign * coalesce(reposts, 0), sign * coalesce(replies, 0),
         CASE WHEN sign > 0 THEN fetched_at END
   WHERE status = 'published' AND published_at IS NOT NULL
  UNION ALL
  SELECT org, (due_at AT TIME ZONE tz)::date, channel, department, campaign, 0, sign * counted, 0, 0, 0, NULL
   WHERE status = 'failed' AND counted <> 0
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE FUNCTION draht_apply_publication_changes(changes draht_publication_change[]) RETURNS void AS $$
BEGIN
  INSERT INTO publication_daily_rollups AS r (org_id, day, channel_account_id, department_id, campaign_id, published,
                                              failed, likes, reposts, replies, fetched_at)
  SELECT c.org_id, c.day, c.channel_account_id, c.department_id, c.campaign_id, sum(c.published), sum(c.failed),
         sum(c.likes), sum(c.reposts), sum(c.replies), max(c.fetched_at)
    FROM unnest(changes) AS c
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(c.published) <> 0 OR sum(c.failed) <> 0 OR sum(c.likes) <> 0 OR sum(c.reposts) <> 0
      OR sum(c.replies) <> 0 OR max(c.fetched_at) IS NOT NULL
   -- Rows locked in key order, so two transactions upserting overlapping keys never deadlock.
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT publication_daily_rollups_key DO UPDATE SET
    published = r.published + excluded.published, failed = r.failed + excluded.failed,
    likes = r.likes + excluded.likes, reposts = r.reposts + excluded.reposts, replies = r.replies + excluded.replies,
    fetched_at = greatest(r.fetched_at, excluded.fetched_at);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Posts' published publications (a whole post's, as it was with sign −1 or as it is with +1): per post and day the
-- set of its channel accounts; a post out on more than one day keeps its id on its rows. Rows down to 0 go.
CREATE FUNCTION draht_apply_post_changes(items draht_post_publication[]) RETURNS void AS $$
BEGIN
  INSERT INTO published_post_rollups AS r (org_id, day, department_id, campaign_id, channel_account_ids, post_id, posts)
  SELECT s.org_id, s.day, s.department_id, s.campaign_id, s.channels, s.post, sum(s.sign)
    FROM (SELECT d.org_id, d.day, d.department_id, d.campaign_id, d.channels, d.sign,
                 CASE WHEN count(*) OVER (PARTITION BY d.post_id, d.department_id, d.campaign_id, d.sign) > 1
                      THEN d.post_id END AS post
            FROM (SELECT i.org_id, i.post_id, i.department_id, i.campaign_id, i.sign, i.day,
                         array_agg(DISTINCT i.channel_account_id ORDER BY i.channel_account_id) AS channels
                    FROM unnest(items) AS i
                   GROUP BY 1, 2, 3, 4, 5, 6) AS d) AS s
   GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(s.sign) <> 0
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT published_post_rollups_key DO UPDATE SET posts = r.posts + excluded.posts;
  DELETE FROM published_post_rollups AS r
   USING (SELECT DISTINCT i.org_id, i.day FROM unnest(items) AS i) AS k
   WHERE r.org_id = k.org_id AND r.day = k.day AND r.posts = 0;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The posts' publications that are out now, as a post's whole part (tz: another than the organisation's, when it
-- changes).
CREATE FUNCTION draht_posts_as_they_are(ids uuid[], tz text, sign integer) RETURNS draht_post_publication[] AS $$
  SELECT ARRAY(
    SELECT ROW(p.org_id, p.id, p.department_id, p.campaign_id, x.channel_account_id,
               (x.published_at AT TIME ZONE coalesce(tz, o.time_zone))::date, sign)::draht_post_publication
      FROM publications x JOIN posts p ON p.id = x.post_id JOIN organisations o ON o.id = p.org_id
     WHERE x.post_id = ANY(ids) AND x.status = 'published' AND x.published_at IS NOT NULL)
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE FUNCTION draht_publication_rollups() RETURNS trigger AS $$
DECLARE
  changes draht_publication_change[];
  touched uuid[];
  before_rows draht_post_publication[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    touched := ARRAY(SELECT DISTINCT n.post_id FROM new_rows n WHERE n.status IN ('published', 'failed') ORDER BY 1);
  ELSE
    touched := ARRAY(
      SELECT DISTINCT x.post_id
        FROM old_rows d JOIN new_rows n ON n.id = d.id CROSS JOIN LATERAL (VALUES (d.post_id), (n.post_id)) AS x(post_id)
       WHERE (d.status IN ('published', 'failed') OR n.status IN ('published', 'failed'))
         AND (d.status, d.published_at, d.due_at, d.channel_account_id, d.post_id, d.org_id)
             IS DISTINCT FROM (n.status, n.published_at, n.due_at, n.channel_account_id, n.post_id, n.org_id)
       ORDER BY 1);
  END IF;
  IF cardinality(touched) = 0 THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM posts WHERE id = ANY(touched) ORDER BY id FOR UPDATE;
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(c.*)::draht_publication_change
        FROM new_rows n JOIN posts p ON p.id = n.post_id JOIN organisations o ON o.id = n.org_id
        LEFT JOIN publication_metrics m ON m.publication_id = n.id
       CROSS JOIN LATERAL draht_publication_contribution(n.org_id, o.time_zone, n.channel_account_id, p.department_id,
                            p.campaign_id, n.status, n.published_at, n.due_at, m.likes, m.reposts, m.replies,
                            m.fetched_at, 1, 1) AS c);
    -- The posts as they were: their publications but the new ones.
    before_rows := ARRAY(
      SELECT ROW(p.org_id, p.id, p.department_id, p.campaign_id, x.channel_account_id,
                 (x.published_at AT TIME ZONE o.time_zone)::date, -1)::draht_post_publication
        FROM publications x JOIN posts p ON p.id = x.post_id JOIN organisations o ON o.id = p.org_id
       WHERE x.post_id = ANY(touched) AND x.status = 'published' AND x.published_at IS NOT NULL
         AND x.id NOT IN (SELECT n.id FROM new_rows n));
  ELSE
    changes := ARRAY(
      SELECT ROW(c.*)::draht_publication_change
        FROM (SELECT d.id, d.org_id, d.post_id, d.channel_account_id, d.status, d.published_at, d.due_at, -1 AS sign
                FROM old_rows d JOIN new_rows n ON n.id = d.id
               WHERE d.post_id = ANY(touched)
                 AND (d.status, d.published_at, d.due_at, d.channel_account_id, d.post_id, d.org_id)
                     IS DISTINCT FROM (n.status, n.published_at, n.due_at, n.channel_account_id, n.post_id, n.org_id)
              UNION ALL
              SELECT n.id, n.org_id, n.post_id, n.channel_account_id, n.status, n.published_at, n.due_at, 1
                FROM old_rows d JOIN new_rows n ON n.id = d.id
               WHERE n.post_id = ANY(touched)
                 AND (d.status, d.published_at, d.due_at, d.channel_account_id, d.post_id, d.org_id)
                     IS DISTINCT FROM (n.status, n.published_at, n.due_at, n.channel_account_id, n.post_id, n.org_id))
             AS v
        JOIN posts p ON p.id = v.post_id JOIN organisations o ON o.id = v.org_id
        LEFT JOIN publication_metrics m ON m.publication_id = v.id
       CROSS JOIN LATERAL draht_publication_contribution(v.org_id, o.time_zone, v.channel_account_id, p.department_id,
                            p.campaign_id, v.status, v.published_at, v.due_at, m.likes, m.reposts, m.replies,
                            m.fetched_at, v.sign, 1) AS c);
    -- The posts as they were: their publications but the changed ones, and those as they were.
    before_rows := ARRAY(
      SELECT ROW(p.org_id, p.id, p.department_id, p.campaign_id, x.channel_account_id,
                 (x.published_at AT TIME ZONE o.time_zone)::date, -1)::draht_post_publication
        FROM (SELECT q.post_id, q.channel_account_id, q.published_at, q.status FROM publications q
               WHERE q.post_id = ANY(touched) AND q.id NOT IN (SELECT n.id FROM new_rows n)
              UNION ALL
              SELECT d.post_id, d.channel_account_id, d.published_at, d.status FROM old_rows d
               WHERE d.post_id = ANY(touched)) AS x
        JOIN posts p ON p.id = x.post_id JOIN organisations o ON o.id = p.org_id
       WHERE x.status = 'published' AND x.published_at IS NOT NULL);
  END IF;
  IF cardinality(changes) > 0 THEN
    PERFORM draht_apply_publication_changes(changes);
  END IF;
  PERFORM draht_apply_post_changes(before_rows || draht_posts_as_they_are(touched, NULL, 1));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER publications_report_rollups_insert AFTER INSERT ON publications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_publication_rollups();
--> statement-breakpoint
CREATE TRIGGER publications_report_rollups_update AFTER UPDATE ON publications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION draht_publication_rollups();
--> statement-breakpoint
-- A deleted publication: before it goes, while its counters are still there.
CREATE FUNCTION draht_publication_deleted_rollups() RETURNS trigger AS $$
BEGIN
  PERFORM 1 FROM posts WHERE id = OLD.post_id FOR UPDATE;
  PERFORM draht_apply_publication_changes(ARRAY(
    SELECT ROW(c.*)::draht_publication_change
      FROM posts p JOIN organisations o ON o.id = OLD.org_id
      LEFT JOIN publication_metrics m ON m.publication_id = OLD.id
     CROSS JOIN LATERAL draht_publication_contribution(OLD.org_id, o.time_zone, OLD.channel_account_id,
                          p.department_id, p.campaign_id, OLD.status, OLD.published_at, OLD.due_at, m.likes,
                          m.reposts, m.replies, m.fetched_at, -1, 1) AS c
     WHERE p.id = OLD.post_id));
  -- The post as it is (the publications deleted before this one in the statement are gone) and without this one.
  PERFORM draht_apply_post_changes(
    draht_posts_as_they_are(ARRAY[OLD.post_id], NULL, -1) || ARRAY(
      SELECT ROW(p.org_id, p.id, p.department_id, p.campaign_id, x.channel_account_id,
                 (x.published_at AT TIME ZONE o.time_zone)::date, 1)::draht_post_publication
        FROM publications x JOIN posts p ON p.id = x.post_id JOIN organisations o ON o.id = p.org_id
       WHERE x.post_id = OLD.post_id AND x.id <> OLD.id AND x.status = 'published' AND x.published_at IS NOT NULL));
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER publications_report_rollups_delete BEFORE DELETE ON publications
  FOR EACH ROW EXECUTE FUNCTION draht_publication_deleted_rollups();
--> statement-breakpoint
-- The networks' counters: what they add, for a publication that is out (one being deleted has taken them back).
CREATE FUNCTION draht_publication_metrics_rollups() RETURNS trigger AS $$
DECLARE
  changes draht_publication_change[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changes := ARRAY(
      SELECT ROW(c.*)::draht_publication_change
        FROM new_rows m JOIN publications x ON x.id = m.publication_id JOIN posts p ON p.id = x.post_id
        JOIN organisations o ON o.id = x.org_id
       CROSS JOIN LATERAL draht_publication_contribution(x.org_id, o.time_zone, x.channel_account_id, p.department_id,
                            p.campaign_id, x.status, x.published_at, x.due_at, m.likes, m.reposts, m.replies,
                            m.fetched_at, 1, 0) AS c);
  ELSIF TG_OP = 'DELETE' THEN
    changes := ARRAY(
      SELECT ROW(c.*)::draht_publication_change
        FROM old_rows m JOIN publications x ON x.id = m.publication_id JOIN posts p ON p.id = x.post_id
        JOIN organisations o ON o.id = x.org_id
       CROSS JOIN LATERAL draht_publication_contribution(x.org_id, o.time_zone, x.channel_account_id, p.department_id,
                            p.campaign_id, x.status, x.published_at, x.due_at, m.likes, m.reposts, m.replies,
                            m.fetched_at, -1, 0) AS c);
  ELSE
    changes := ARRAY(
      SELECT ROW(c.*)::draht_publication_change
        FROM old_rows d JOIN new_rows n ON n.publication_id = d.publication_id
        JOIN publications x ON x.id = n.publication_id JOIN posts p ON p.id = x.post_id
        JOIN organisations o ON o.id = x.org_id
       CROSS JOIN LATERAL (VALUES (d.likes, d.reposts, d.replies, d.fetched_at, -1),
                                  (n.likes, n.reposts, n.replies, n.fetched_at, 1)) AS m(likes, reposts, replies, fetched_at, sign)
       CROSS JOIN LATERAL draht_publication_contribution(x.org_id, o.time_zone, x.channel_account_id, p.department_id,
                            p.campaign_id, x.status, x.published_at, x.due_at, m.likes, m.reposts, m.replies,
                            m.fetched_at, m.sign, 0) AS c
       WHERE (d.likes, d.reposts, d.replies, d.fetched_at) IS DISTINCT FROM (n.likes, n.reposts, n.replies, n.fetched_at));
  END IF;
  IF cardinality(changes) > 0 THEN
    PERFORM draht_apply_publication_changes(changes);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER publication_metrics_report_rollups_insert AFTER INSERT ON publication_metrics
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_publication_metrics_rollups();
--> statement-breakpoint
CREATE TRIGGER publication_metrics_report_rollups_update AFTER UPDATE ON publication_metrics
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION draht_publication_metrics_rollups();
--> statement-breakpoint
CREATE TRIGGER publication_metrics_report_rollups_delete AFTER DELETE ON publication_metrics
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_publication_metrics_rollups();
--> statement-breakpoint
-- A post moved to another department or campaign: its publications and its count move along.
CREATE FUNCTION draht_post_report_rollups() RETURNS trigger AS $$
DECLARE
  moved uuid[];
BEGIN
  moved := ARRAY(
    SELECT n.id FROM old_rows d JOIN new_rows n ON n.id = d.id
     WHERE (d.department_id, d.campaign_id) IS DISTINCT FROM (n.department_id, n.campaign_id));
  IF cardinality(moved) = 0 THEN
    RETURN NULL;
  END IF;
  PERFORM draht_apply_publication_changes(ARRAY(
    SELECT ROW(c.*)::draht_publication_change
      FROM old_rows d JOIN new_rows n ON n.id = d.id JOIN publications x ON x.post_id = n.id
      JOIN organisations o ON o.id = x.org_id LEFT JOIN publication_metrics m ON m.publication_id = x.id
     CROSS JOIN LATERAL (VALUES (d.department_id, d.campaign_id, -1), (n.department_id, n.campaign_id, 1))
                     AS s(department_id, campaign_id, sign)
     CROSS JOIN LATERAL draht_publication_contribution(x.org_id, o.time_zone, x.channel_account_id, s.department_id,
                          s.campaign_id, x.status, x.published_at, x.due_at, m.likes, m.reposts, m.replies,
                          m.fetched_at, s.sign, 1) AS c
     WHERE n.id = ANY(moved)));
  PERFORM draht_apply_post_changes(
    draht_posts_as_they_are(moved, NULL, 1) || ARRAY(
      SELECT ROW(x.org_id, x.post_id, d.department_id, d.campaign_id, x.channel_account_id, x.day, -1)::draht_post_publication
        FROM unnest(draht_posts_as_they_are(moved, NULL, 1)) AS x JOIN old_rows d ON d.id = x.post_id));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER posts_report_rollups_update AFTER UPDATE ON posts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION draht_post_report_rollups();
--> statement-breakpoint
-- Another time zone: everything moves to the days of the new calendar.
CREATE FUNCTION draht_time_zone_publishing_rollups() RETURNS trigger AS $$
DECLARE
  ids uuid[];
BEGIN
  PERFORM draht_apply_publication_changes(ARRAY(
    SELECT ROW(c.*)::draht_publication_change
      FROM publications x JOIN posts p ON p.id = x.post_id LEFT JOIN publication_metrics m ON m.publication_id = x.id
     CROSS JOIN (VALUES (OLD.time_zone, -1), (NEW.time_zone, 1)) AS s(tz, sign)
     CROSS JOIN LATERAL draht_publication_contribution(x.org_id, s.tz, x.channel_account_id, p.department_id,
                          p.campaign_id, x.status, x.published_at, x.due_at, m.likes, m.reposts, m.replies,
                          m.fetched_at, s.sign, 1) AS c
     WHERE x.org_id = NEW.id AND x.status IN ('published', 'failed')));
  ids := ARRAY(SELECT DISTINCT x.post_id FROM publications x WHERE x.org_id = NEW.id AND x.status = 'published');
  PERFORM draht_apply_post_changes(draht_posts_as_they_are(ids, OLD.time_zone, -1)
                                   || draht_posts_as_they_are(ids, NEW.time_zone, 1));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER organisations_time_zone_publishing_rollups AFTER UPDATE OF time_zone ON organisations
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION draht_time_zone_publishing_rollups();
--> statement-breakpoint
-- What was published and failed before this migration.
SELECT draht_apply_publication_changes(ARRAY(
  SELECT ROW(c.*)::draht_publication_change
    FROM publications x JOIN posts p ON p.id = x.post_id JOIN organisations o ON o.id = x.org_id
    LEFT JOIN publication_metrics m ON m.publication_id = x.id
   CROSS JOIN LATERAL draht_publication_contribution(x.org_id, o.time_zone, x.channel_account_id, p.department_id,
                        p.campaign_id, x.status, x.published_at, x.due_at, m.likes, m.reposts, m.replies,
                        m.fetched_at, 1, 1) AS c
   WHERE x.status IN ('published', 'failed')));
--> statement-breakpoint
SELECT draht_apply_post_changes(draht_posts_as_they_are(
  ARRAY(SELECT DISTINCT x.post_id FROM publications x WHERE x.status = 'published'), NULL, 1));
