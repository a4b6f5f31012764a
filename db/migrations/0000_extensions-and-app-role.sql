-- ltree powers subtree queries and row-level security; scc_app is the role every cockpit
-- transaction switches to. Roles are cluster-wide on a server, so create it only once.
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'scc_app') THEN
    CREATE ROLE scc_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
