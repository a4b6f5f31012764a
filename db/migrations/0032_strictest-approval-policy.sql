-- The policy that holds at a unit is the strictest on its path, no longer the nearest: a unit below
-- may ask for more approvals than one above, never for fewer (a customer cannot waive its
-- reseller's four eyes). The most approvals wins; of equal quorums the shorter expiry, then the
-- nearer unit. Scope and naming are as in 0024.
CREATE OR REPLACE FUNCTION scc_approval_policy(p_path ltree, p_subject approval_subject, p_product_id uuid)
RETURNS TABLE (business_unit_id uuid, quorum integer, expiry_hours integer)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT CASE WHEN p.bu_path <@ nullif(current_setting('app.scope_path', true), '')::ltree THEN p.business_unit_id END,
    p.quorum, p.expiry_hours
  FROM approval_policies p
  WHERE p.bu_path @> p_path AND p.subject = p_subject AND p.product_id IS NOT DISTINCT FROM p_product_id
    AND p_path <@ nullif(current_setting('app.scope_path', true), '')::ltree
  ORDER BY p.quorum DESC, p.expiry_hours ASC, nlevel(p.bu_path) DESC
  LIMIT 1
$$;
