CREATE TABLE "totp_credentials" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"secret" text,
	"pending_secret" text,
	"last_used_step" bigint,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"recovery_code_hashes" text[] DEFAULT '{}'::text[] NOT NULL,
	"enrolled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "totp_credentials" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "business_units" ADD COLUMN "totp_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "embed_sessions" ADD COLUMN "step_up_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "totp_credentials" ADD CONSTRAINT "totp_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- TOTP credentials belong to a user, not to a unit: a user acting on a unit below their home
-- would not see their own row under the unit's scope. So scc_app gets no grant and no policy on
-- the table, and reaches a row only through the functions below. Each is given an embed session
-- and acts for that session's user while the session lives (not revoked, not expired), so no
-- request can touch another user's authenticator, whatever user id a bug might pass. Time comes
-- from the cockpit's clock (p_now), which also checks the codes.
-- (Migration 0002's default privileges gave scc_app the table like every other one.)
REVOKE ALL ON totp_credentials FROM scc_app;
--> statement-breakpoint
CREATE FUNCTION scc_embed_session_user(p_session_id uuid) RETURNS uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT user_id FROM embed_sessions WHERE id = p_session_id AND revoked_at IS NULL AND expires_at > now()
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_embed_session_user(uuid) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION scc_totp_credential(p_session_id uuid)
RETURNS TABLE (user_id uuid, secret text, pending_secret text, locked_until timestamptz, recovery_codes_left integer)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT c.user_id, c.secret, c.pending_secret, c.locked_until, cardinality(c.recovery_code_hashes)
  FROM totp_credentials c
  WHERE c.user_id = scc_embed_session_user(p_session_id)
$$;
--> statement-breakpoint
-- A new enrolment waits beside a confirmed authenticator until its first code, so starting one
-- (or abandoning it) never takes away the one in use.
CREATE FUNCTION scc_totp_begin_enrolment(p_session_id uuid, p_pending_secret text) RETURNS boolean
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  INSERT INTO totp_credentials AS c (user_id, pending_secret)
  SELECT s.user_id, p_pending_secret FROM (SELECT scc_embed_session_user(p_session_id) AS user_id) s
  WHERE s.user_id IS NOT NULL
  ON CONFLICT (user_id) DO UPDATE SET pending_secret = EXCLUDED.pending_secret
  RETURNING true
$$;
--> statement-breakpoint
-- Only the enrolment the code was checked against is confirmed (a newer one started meanwhile
-- is not), and not while verification is locked.
CREATE FUNCTION scc_totp_confirm_enrolment(
  p_session_id uuid,
  p_pending_secret text,
  p_step bigint,
  p_recovery_code_hashes text[],
  p_now timestamptz
) RETURNS boolean
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  UPDATE totp_credentials
  SET secret = pending_secret, pending_secret = NULL, last_used_step = p_step, failed_attempts = 0,
      locked_until = NULL, recovery_code_hashes = p_recovery_code_hashes, enrolled_at = p_now
  WHERE user_id = scc_embed_session_user(p_session_id) AND pending_secret = p_pending_secret
    AND (locked_until IS NULL OR locked_until <= p_now)
  RETURNING true
$$;
--> statement-breakpoint
-- Replay-proof: a code is accepted only for a time step after the last accepted one. Two
-- requests with the same code update the row one after the other; the second finds its step
-- used and changes nothing.
CREATE FUNCTION scc_totp_accept_code(p_session_id uuid, p_secret text, p_step bigint, p_now timestamptz)
RETURNS boolean
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  UPDATE totp_credentials
  SET last_used_step = p_step, failed_attempts = 0
  WHERE user_id = scc_embed_session_user(p_session_id) AND secret = p_secret
    AND (last_used_step IS NULL OR last_used_step < p_step)
    AND (locked_until IS NULL OR locked_until <= p_now)
  RETURNING true
$$;
--> statement-breakpoint
-- The counter that locks verification lives here, not in a process, so every cockpit process
-- honours the same lock. Reaching the limit locks and starts counting afresh for after the lock.
CREATE FUNCTION scc_totp_record_failure(p_session_id uuid, p_max_failures integer, p_lock_seconds integer, p_now timestamptz)
RETURNS TABLE (failed_attempts integer, locked_until timestamptz)
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  UPDATE totp_credentials c
  SET failed_attempts = CASE WHEN c.failed_attempts + 1 >= p_max_failures THEN 0 ELSE c.failed_attempts + 1 END,
      locked_until = CASE WHEN c.failed_attempts + 1 >= p_max_failures
        THEN p_now + make_interval(secs => p_lock_seconds) ELSE c.locked_until END
  WHERE c.user_id = scc_embed_session_user(p_session_id)
  RETURNING c.failed_attempts, c.locked_until
$$;
--> statement-breakpoint
-- A recovery code works once: it leaves the list in the statement that accepts it. Answers how
-- many are left, or nothing for a code that is not (or no longer) there.
CREATE FUNCTION scc_totp_use_recovery_code(p_session_id uuid, p_hash text, p_now timestamptz) RETURNS integer
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  UPDATE totp_credentials
  SET recovery_code_hashes = array_remove(recovery_code_hashes, p_hash), failed_attempts = 0
  WHERE user_id = scc_embed_session_user(p_session_id) AND secret IS NOT NULL
    AND p_hash = ANY (recovery_code_hashes)
    AND (locked_until IS NULL OR locked_until <= p_now)
  RETURNING cardinality(recovery_code_hashes)
$$;
--> statement-breakpoint
-- Whether a unit requires TOTP itself, and whether an ancestor does (also above the caller's
-- unit, which row-level security hides): a requirement holds for the whole subtree and nothing
-- below loosens it. Answers only for a unit inside the transaction's scope.
CREATE FUNCTION scc_totp_policy(p_path ltree) RETURNS TABLE (own boolean, inherited boolean)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT coalesce(bool_or(totp_required) FILTER (WHERE path = p_path), false),
         coalesce(bool_or(totp_required) FILTER (WHERE path <> p_path), false)
  FROM business_units
  WHERE path @> p_path AND p_path <@ nullif(current_setting('app.scope_path', true), '')::ltree
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_totp_credential(uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_totp_begin_enrolment(uuid, text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_totp_confirm_enrolment(uuid, text, bigint, text[], timestamptz) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_totp_accept_code(uuid, text, bigint, timestamptz) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_totp_record_failure(uuid, integer, integer, timestamptz) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_totp_use_recovery_code(uuid, text, timestamptz) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_totp_policy(ltree) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_totp_credential(uuid), scc_totp_begin_enrolment(uuid, text),
  scc_totp_confirm_enrolment(uuid, text, bigint, text[], timestamptz), scc_totp_accept_code(uuid, text, bigint, timestamptz),
  scc_totp_record_failure(uuid, integer, integer, timestamptz), scc_totp_use_recovery_code(uuid, text, timestamptz),
  scc_totp_policy(ltree) TO scc_app;
