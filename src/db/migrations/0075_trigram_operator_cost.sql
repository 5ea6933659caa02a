-- pg_trgm declares its operators' functions with the default cost of 1, so the planner thinks that testing
-- `q <% title` on every row is as cheap as comparing two numbers and reads the whole table instead of the
-- trigram index: the search over 10,000 articles took 47 ms where the index takes 13 ms. A realistic cost makes
-- the planner choose the index (a BitmapOr with the full-text index). Where the installation's database user
-- may not change the extension's functions (an extension installed by another role), the search still works,
-- just slower; the migration says so and goes on.
DO $$
BEGIN
  ALTER FUNCTION word_similarity_op(text, text) COST 100;
  ALTER FUNCTION word_similarity_commutator_op(text, text) COST 100;
  ALTER FUNCTION similarity_op(text, text) COST 100;
EXCEPTION WHEN insufficient_privilege OR undefined_function THEN
  RAISE NOTICE 'pg_trgm operator costs left as they are (not the owner of the extension, or not on the search path): searches read more rows';
END
$$;
