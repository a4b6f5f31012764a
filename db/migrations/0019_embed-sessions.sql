CREATE TABLE "embed_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revoked_reason" text
);
--> statement-breakpoint
ALTER TABLE "embed_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "embed_sessions" ADD CONSTRAINT "embed_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "embed_sessions" ADD CONSTRAINT "embed_sessions_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "embed_sessions_bu_path_gist" ON "embed_sessions" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "embed_sessions_user_idx" ON "embed_sessions" USING btree ("user_id","host_id");--> statement-breakpoint
CREATE INDEX "embed_sessions_revoked_idx" ON "embed_sessions" USING btree ("host_id","expires_at") WHERE "embed_sessions"."revoked_at" is not null;--> statement-breakpoint
CREATE POLICY "embed_sessions_subtree" ON "embed_sessions" AS PERMISSIVE FOR ALL TO "scc_app" USING ("embed_sessions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("embed_sessions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE TABLE "host_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host_id" text NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "host_api_keys_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
ALTER TABLE "host_api_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "host_api_keys_bu_path_gist" ON "host_api_keys" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "host_api_keys_host_idx" ON "host_api_keys" USING btree ("host_id");--> statement-breakpoint
CREATE POLICY "host_api_keys_subtree" ON "host_api_keys" AS PERMISSIVE FOR ALL TO "scc_app" USING ("host_api_keys"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("host_api_keys"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));
--> statement-breakpoint
-- drizzle-kit emits no grants (see 0002). Sessions are never deleted by the application: a
-- revoked session stays as the record of who ended it, and expired ones are simply ignored.
GRANT SELECT, INSERT, UPDATE ON embed_sessions TO scc_app;
--> statement-breakpoint
-- Asked by the settings statement that opens every scoped transaction of a widget request
-- (db/src/scoped.ts), so a revoked session costs no extra round trip to refuse: it raises, the
-- transaction fails and the cockpit answers 401. SECURITY DEFINER because it runs before the
-- scope is in place; it reveals one bit about a session id the caller already holds. An id with
-- no row is not refused: sessions of tokens minted before this migration have none.
CREATE FUNCTION scc_check_embed_session(p_session_id uuid) RETURNS void
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM embed_sessions WHERE id = p_session_id AND revoked_at IS NOT NULL) THEN
    RAISE EXCEPTION 'the embed session has ended' USING ERRCODE = 'SC401';
  END IF;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_check_embed_session(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_check_embed_session(uuid) TO scc_app;
--> statement-breakpoint
-- A host's own calls (revoking sessions, recording security events) act on its home unit's
-- subtree; this gives the scope of that unit, as scc_resolve_caller gives a user's.
CREATE FUNCTION scc_business_unit_path(p_business_unit_id uuid) RETURNS ltree
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT path FROM business_units WHERE id = p_business_unit_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_business_unit_path(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_business_unit_path(uuid) TO scc_app;
--> statement-breakpoint
-- Every cockpit process relays revocations to the BFF processes that follow its revocation feed,
-- so each BFF refuses a revoked session itself and closes its event streams. Per row: a payload
-- names one session (host, id and when its token expires anyway).
CREATE FUNCTION scc_announce_embed_session_revoked() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
BEGIN
  PERFORM pg_notify('scc_embed_session_revoked',
    json_build_object('hostId', NEW.host_id, 'id', NEW.id, 'expiresAt', NEW.expires_at)::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER embed_sessions_revoked
  AFTER UPDATE OF revoked_at ON embed_sessions
  FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
  EXECUTE FUNCTION scc_announce_embed_session_revoked();
--> statement-breakpoint
-- A key is never deleted by the application: revoked and expired keys stay as the record.
GRANT SELECT, INSERT, UPDATE ON host_api_keys TO scc_app;
--> statement-breakpoint
-- A key revoked, or shortened by a rotation, is announced on the same channel, so every BFF
-- process forgets its verification at once instead of after its minute.
CREATE FUNCTION scc_announce_host_api_key_changed() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
BEGIN
  PERFORM pg_notify('scc_embed_session_revoked', json_build_object('hostId', NEW.host_id, 'keyId', NEW.id)::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER host_api_keys_changed
  AFTER UPDATE OF revoked_at, expires_at ON host_api_keys
  FOR EACH ROW WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at)
  EXECUTE FUNCTION scc_announce_host_api_key_changed();
