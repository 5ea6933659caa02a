-- publication_reactions (0053, src/db/schema/publishingRollups.ts) kept by the database in the transaction of every
-- change, like the other Veröffentlichung rollups (0049): one row per publication that is out, with its post's
-- department and campaign and the sum of the counters the networks last reported (null before the first reading).
--  * a publication inserted or changed (status, time, account, post): its row is written again as it is now, after
--    locking its post (the order posts → publications, as 0049 and record-outcomes) and its row here, so a counter
--    change running at the same time is waited for and then seen (each statement of the function takes a fresh
--    snapshot). A deleted publication takes its row along (ON DELETE CASCADE).
--  * publication_metrics inserted, changed or deleted: the counters' difference is added to the row (commutative, so
--    two rounds of the worker need no lock beyond the row); a deleted reading makes it null again.
--  * a post moved to another department or campaign: its rows move along.
-- The report's read: the organisation's rows of a period, covered by one index (no heap visit once vacuumed).
CREATE INDEX publication_reactions_org_published_idx ON publication_reactions (org_id, published_at)
  INCLUDE (post_id, channel_account_id, department_id, campaign_id, reactions);
--> statement-breakpoint
CREATE FUNCTION draht_refresh_publication_reactions(ids uuid[]) RETURNS void AS $$
BEGIN
  -- (unnest, not = ANY: a bulk statement passes tens of thousands of ids)
  PERFORM 1 FROM posts WHERE id IN (SELECT x.post_id FROM unnest(ids) AS t(id) JOIN publications x ON x.id = t.id)
   ORDER BY id FOR UPDATE;
  PERFORM 1 FROM publication_reactions AS r JOIN unnest(ids) AS t(id) ON t.id = r.publication_id
   ORDER BY r.publication_id FOR UPDATE OF r;
  DELETE FROM publication_reactions AS r USING unnest(ids) AS t(id)
   WHERE r.publication_id = t.id
     AND NOT EXISTS (SELECT 1 FROM publications x
                      WHERE x.id = r.publication_id AND x.status = 'published' AND x.published_at IS NOT NULL);
  INSERT INTO publication_reactions AS r (publication_id, org_id, post_id, channel_account_id, department_id,
                                          campaign_id, published_at, reactions)
  SELECT x.id, x.org_id, x.post_id, x.channel_account_id, p.department_id, p.campaign_id, x.published_at,
         m.likes + m.reposts + m.replies
    FROM unnest(ids) AS t(id) JOIN publications x ON x.id = t.id JOIN posts p ON p.id = x.post_id
    LEFT JOIN publication_metrics m ON m.publication_id = x.id
   WHERE x.status = 'published' AND x.published_at IS NOT NULL
   ORDER BY x.id
  ON CONFLICT (publication_id) DO UPDATE SET
    org_id = excluded.org_id, post_id = excluded.post_id, channel_account_id = excluded.channel_account_id,
    department_id = excluded.department_id, campaign_id = excluded.campaign_id,
    published_at = excluded.published_at, reactions = excluded.reactions;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION draht_publication_reactions() RETURNS trigger AS $$
DECLARE
  touched uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    touched := ARRAY(SELECT n.id FROM new_rows n WHERE n.status = 'published' ORDER BY 1);
  ELSE
    touched := ARRAY(
      SELECT n.id FROM old_rows d JOIN new_rows n ON n.id = d.id
       WHERE (d.status = 'published' OR n.status = 'published')
         AND (d.status, d.published_at, d.channel_account_id, d.post_id, d.org_id)
             IS DISTINCT FROM (n.status, n.published_at, n.channel_account_id, n.post_id, n.org_id)
       ORDER BY 1);
  END IF;
  IF cardinality(touched) > 0 THEN
    PERFORM draht_refresh_publication_reactions(touched);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER publications_reactions_insert AFTER INSERT ON publications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_publication_reactions();
--> statement-breakpoint
CREATE TRIGGER publications_reactions_update AFTER UPDATE ON publications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION draht_publication_reactions();
--> statement-breakpoint
CREATE FUNCTION draht_publication_metrics_reactions() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE publication_reactions AS r SET reactions = coalesce(r.reactions, 0) + c.delta
      FROM (SELECT n.publication_id, n.likes + n.reposts + n.replies AS delta FROM new_rows n ORDER BY 1) AS c
     WHERE r.publication_id = c.publication_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE publication_reactions AS r SET reactions = NULL
      FROM old_rows d WHERE r.publication_id = d.publication_id;
  ELSE
    UPDATE publication_reactions AS r SET reactions = coalesce(r.reactions, 0) + c.delta
      FROM (SELECT n.publication_id,
                   (n.likes + n.reposts + n.replies) - (d.likes + d.reposts + d.replies) AS delta
              FROM old_rows d JOIN new_rows n ON n.publication_id = d.publication_id
             WHERE (n.likes + n.reposts + n.replies) <> (d.likes + d.reposts + d.replies)) AS c
     WHERE r.publication_id = c.publication_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER publication_metrics_reactions_insert AFTER INSERT ON publication_metrics
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_publication_metrics_reactions();
--> statement-breakpoint
CREATE TRIGGER publication_metrics_reactions_update AFTER UPDATE ON publication_metrics
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION draht_publication_metrics_reactions();
--> statement-breakpoint
CREATE TRIGGER publication_metrics_reactions_delete AFTER DELETE ON publication_metrics
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_publication_metrics_reactions();
--> statement-breakpoint
CREATE FUNCTION draht_post_reactions() RETURNS trigger AS $$
BEGIN
  UPDATE publication_reactions AS r SET department_id = n.department_id, campaign_id = n.campaign_id
    FROM old_rows d JOIN new_rows n ON n.id = d.id
   WHERE r.post_id = n.id AND (d.department_id, d.campaign_id) IS DISTINCT FROM (n.department_id, n.campaign_id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER posts_reactions_update AFTER UPDATE ON posts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION draht_post_reactions();
--> statement-breakpoint
-- The Veröffentlichung report's approval figures: the durations of the period's approved posts read from an index
-- alone, and the few posts without approval and decisions against a post by a small partial index each.
CREATE INDEX posts_org_approved_durations_idx ON posts (org_id, approved_at)
  INCLUDE (approval_business_ms, submitted_at, department_id, campaign_id)
  WHERE approval_mode <> 'none' AND status IN ('scheduled', 'published', 'failed');
--> statement-breakpoint
CREATE INDEX posts_org_without_review_idx ON posts (org_id, submitted_at)
  INCLUDE (content_type, department_id, campaign_id)
  WHERE approval_mode = 'none' AND status IN ('scheduled', 'published', 'failed');
--> statement-breakpoint
CREATE INDEX post_approvals_objections_idx ON post_approvals (created_at) INCLUDE (post_id, decision)
  WHERE decision IN ('changes_requested', 'rejected');
--> statement-breakpoint
-- What is out before this migration.
SELECT draht_refresh_publication_reactions(ARRAY(SELECT x.id FROM publications x WHERE x.status = 'published'));
