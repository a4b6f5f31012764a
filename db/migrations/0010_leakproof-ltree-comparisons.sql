-- Row-level security evaluates a query's own conditions only after the policy's, unless their
-- functions are LEAKPROOF; so `bu_path >= …` and keyset cursors on ltree could not drive an index
-- and a page of a big subtree scanned the whole subtree (see `inSubtree` and `withScope`). The
-- ltree comparisons are leakproof: they compare two values, raise nothing and reveal nothing else.
-- Only a superuser may declare that; a migration role without it keeps working, just slower.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION ltree_lt(ltree, ltree) LEAKPROOF;
    ALTER FUNCTION ltree_le(ltree, ltree) LEAKPROOF;
    ALTER FUNCTION ltree_eq(ltree, ltree) LEAKPROOF;
    ALTER FUNCTION ltree_ge(ltree, ltree) LEAKPROOF;
    ALTER FUNCTION ltree_gt(ltree, ltree) LEAKPROOF;
    ALTER FUNCTION ltree_ne(ltree, ltree) LEAKPROOF;
    ALTER FUNCTION ltree_cmp(ltree, ltree) LEAKPROOF;
  END IF;
END
$$;
