CREATE TYPE "public"."approval_decision" AS ENUM('approve', 'reject');--> statement-breakpoint
CREATE TYPE "public"."approval_state" AS ENUM('pending', 'approved', 'rejected', 'expired', 'cancelled', 'failed');--> statement-breakpoint
CREATE TYPE "public"."approval_subject" AS ENUM('terminate-productive', 'transport-into-productive', 'copy-into-productive', 'subtree-move');--> statement-breakpoint
ALTER TYPE "public"."operation_request_state" ADD VALUE 'awaiting-approval' BEFORE 'queued';--> statement-breakpoint
CREATE TABLE "approval_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"approval_id" uuid NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"decided_by_user_id" uuid NOT NULL,
	"decided_by_email" text NOT NULL,
	"decision" "approval_decision" NOT NULL,
	"comment" text,
	"decided_at" timestamp with time zone NOT NULL,
	"bu_path" "ltree" NOT NULL,
	CONSTRAINT "approval_decisions_once_per_user" UNIQUE("approval_id","decided_by_user_id"),
	CONSTRAINT "approval_decisions_not_requester" CHECK ("approval_decisions"."decided_by_user_id" <> "approval_decisions"."requested_by_user_id")
);
--> statement-breakpoint
ALTER TABLE "approval_decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "approval_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"subject" "approval_subject" NOT NULL,
	"product_id" uuid,
	"quorum" integer NOT NULL,
	"expiry_hours" integer NOT NULL,
	"bu_path" "ltree" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_policies_unit_subject_product" UNIQUE NULLS NOT DISTINCT("business_unit_id","subject","product_id"),
	CONSTRAINT "approval_policies_quorum" CHECK ("approval_policies"."quorum" between 0 and 10),
	CONSTRAINT "approval_policies_expiry" CHECK ("approval_policies"."expiry_hours" between 1 and 720),
	CONSTRAINT "approval_policies_product" CHECK (("approval_policies"."subject" = 'subtree-move') = ("approval_policies"."product_id" is null))
);
--> statement-breakpoint
ALTER TABLE "approval_policies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" "approval_subject" NOT NULL,
	"state" "approval_state" DEFAULT 'pending' NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"product_id" uuid,
	"operation_request_id" uuid,
	"new_parent_id" uuid,
	"move_preview" jsonb,
	"requested_by_user_id" uuid NOT NULL,
	"requested_by_email" text NOT NULL,
	"quorum" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"error" jsonb,
	"bu_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "approvals_operation_request_id_unique" UNIQUE("operation_request_id"),
	CONSTRAINT "approvals_id_requester" UNIQUE("id","requested_by_user_id"),
	CONSTRAINT "approvals_quorum" CHECK ("approvals"."quorum" >= 1),
	CONSTRAINT "approvals_subject_target" CHECK (case when "approvals"."subject" = 'subtree-move'
        then "approvals"."new_parent_id" is not null and "approvals"."move_preview" is not null and "approvals"."operation_request_id" is null
        else "approvals"."operation_request_id" is not null and "approvals"."new_parent_id" is null end)
);
--> statement-breakpoint
ALTER TABLE "approvals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP INDEX "operation_requests_one_open_termination";--> statement-breakpoint
DROP INDEX "operation_requests_one_open_restore";--> statement-breakpoint
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_approval" FOREIGN KEY ("approval_id","requested_by_user_id") REFERENCES "public"."approvals"("id","requested_by_user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_policies" ADD CONSTRAINT "approval_policies_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_policies" ADD CONSTRAINT "approval_policies_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_operation_request_id_operation_requests_id_fk" FOREIGN KEY ("operation_request_id") REFERENCES "public"."operation_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_new_parent_id_business_units_id_fk" FOREIGN KEY ("new_parent_id") REFERENCES "public"."business_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_decisions_bu_path_gist" ON "approval_decisions" USING gist ("bu_path");--> statement-breakpoint
CREATE INDEX "approval_policies_bu_path_gist" ON "approval_policies" USING gist ("bu_path");--> statement-breakpoint
CREATE UNIQUE INDEX "approvals_one_pending_move" ON "approvals" USING btree ("business_unit_id") WHERE "approvals"."subject" = 'subtree-move' and "approvals"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "approvals_pending_expiry" ON "approvals" USING btree ("expires_at") WHERE "approvals"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "approvals_bu_path_gist" ON "approvals" USING gist ("bu_path");--> statement-breakpoint
CREATE UNIQUE INDEX "operation_requests_one_open_termination" ON "operation_requests" USING btree ("tenant_id") WHERE "operation_requests"."kind" = 'decommission' and "operation_requests"."state" not in ('succeeded', 'failed', 'rejected', 'cancelled');--> statement-breakpoint
CREATE UNIQUE INDEX "operation_requests_one_open_restore" ON "operation_requests" USING btree ("tenant_id") WHERE "operation_requests"."kind" = 'restore' and "operation_requests"."state" not in ('succeeded', 'failed', 'rejected', 'cancelled');--> statement-breakpoint
CREATE POLICY "approval_decisions_subtree" ON "approval_decisions" AS PERMISSIVE FOR ALL TO "scc_app" USING ("approval_decisions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("approval_decisions"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "approval_policies_subtree" ON "approval_policies" AS PERMISSIVE FOR ALL TO "scc_app" USING ("approval_policies"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("approval_policies"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
CREATE POLICY "approvals_subtree" ON "approvals" AS PERMISSIVE FOR ALL TO "scc_app" USING ("approvals"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree)) WITH CHECK ("approvals"."bu_path" <@ (select nullif(current_setting('app.scope_path', true), '')::ltree));--> statement-breakpoint
-- Four eyes (docs/operations.md, "Approvals"). Decisions are never changed or removed by the cockpit.
GRANT SELECT, INSERT, UPDATE, DELETE ON approval_policies TO scc_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON approvals TO scc_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON approval_decisions TO scc_app;
--> statement-breakpoint
-- The policy that holds at a unit: the nearest unit on its path with a policy for the subject and
-- product. SECURITY DEFINER because a policy of a unit above the caller's own is hidden by
-- row-level security and still holds; it answers only for a path inside the transaction's scope,
-- and names the unit whose policy holds only when that unit lies inside the scope as well.
CREATE FUNCTION scc_approval_policy(p_path ltree, p_subject approval_subject, p_product_id uuid)
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
  ORDER BY nlevel(p.bu_path) DESC
  LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scc_approval_policy(ltree, approval_subject, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scc_approval_policy(ltree, approval_subject, uuid) TO scc_app;
