-- post_reactions (0055, src/db/schema/publishingRollups.ts): each post that is out, summed from its rows in
-- publication_reactions (0054) by a statement trigger on that table, in the same transaction. A touched post's row is
-- written again as it is now: first a row is made if there is none (a concurrent maker is waited for), then it is
-- locked, then summed in a later statement — a fresh snapshot, so a transaction that changed the same post's
-- publications and committed meanwhile is seen (two rounds of the counters worker on two accounts of one post).
-- Posts with nothing out lose their row.
CREATE INDEX post_reactions_ranking_idx ON post_reactions (org_id, reactions DESC, last_read_published_at DESC)
  INCLUDE (first_published_at, last_published_at, department_id, campaign_id);
--> statement-breakpoint
-- The few posts out at more than one instant: those that may cross a period's edge.
CREATE INDEX post_reactions_spread_idx ON post_reactions (org_id, first_published_at)
  INCLUDE (last_published_at, department_id, campaign_id) WHERE first_published_at <> last_published_at;
--> statement-breakpoint
CREATE FUNCTION draht_refresh_post_reactions(ids uuid[]) RETURNS void AS $$
BEGIN
  INSERT INTO post_reactions AS r (post_id, org_id, first_published_at, last_published_at)
  SELECT DISTINCT x.post_id, x.org_id, x.published_at, x.published_at
    FROM unnest(ids) AS t(id) JOIN LATERAL (SELECT * FROM publication_reactions y WHERE y.post_id = t.id LIMIT 1) AS x
      ON true
   ORDER BY 1
  ON CONFLICT (post_id) DO NOTHING;
  PERFORM 1 FROM post_reactions AS r JOIN unnest(ids) AS t(id) ON t.id = r.post_id ORDER BY r.post_id FOR UPDATE OF r;
  UPDATE post_reactions AS r
     SET org_id = s.org_id, department_id = s.department_id, campaign_id = s.campaign_id,
         first_published_at = s.first_at, last_published_at = s.last_at, reactions = s.reactions,
         last_read_published_at = s.last_read_at
    FROM (SELECT x.post_id, (array_agg(x.org_id))[1] AS org_id, (array_agg(x.department_id))[1] AS department_id,
                 (array_agg(x.campaign_id))[1] AS campaign_id, min(x.published_at) AS first_at,
                 max(x.published_at) AS last_at, sum(x.reactions)::int AS reactions,
                 max(x.published_at) FILTER (WHERE x.reactions IS NOT NULL) AS last_read_at
            FROM unnest(ids) AS t(id) JOIN publication_reactions x ON x.post_id = t.id
           GROUP BY x.post_id) AS s
   WHERE r.post_id = s.post_id;
  DELETE FROM post_reactions AS r USING unnest(ids) AS t(id)
   WHERE r.post_id = t.id AND NOT EXISTS (SELECT 1 FROM publication_reactions x WHERE x.post_id = r.post_id);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION draht_publication_reactions_posts() RETURNS trigger AS $$
DECLARE
  touched uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    touched := ARRAY(SELECT DISTINCT n.post_id FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN
    touched := ARRAY(SELECT DISTINCT d.post_id FROM old_rows d);
  ELSE
    touched := ARRAY(SELECT n.post_id FROM new_rows n UNION SELECT d.post_id FROM old_rows d);
  END IF;
  IF cardinality(touched) > 0 THEN
    PERFORM draht_refresh_post_reactions(touched);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER publication_reactions_posts_insert AFTER INSERT ON publication_reactions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_publication_reactions_posts();
--> statement-breakpoint
CREATE TRIGGER publication_reactions_posts_update AFTER UPDATE ON publication_reactions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION draht_publication_reactions_posts();
--> statement-breakpoint
CREATE TRIGGER publication_reactions_posts_delete AFTER DELETE ON publication_reactions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION draht_publication_reactions_posts();
--> statement-breakpoint
-- What is out before this migration.
SELECT draht_refresh_post_reactions(ARRAY(SELECT DISTINCT x.post_id FROM publication_reactions x));
