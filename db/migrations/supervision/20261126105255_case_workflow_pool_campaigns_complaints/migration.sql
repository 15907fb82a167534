-- The issue's names, kept in place (existing rows follow): 取消备案资质 is QUALIFICATION_REVOKED,
-- 管理失序 is MISMANAGEMENT; 转让 is its own violation; RECTIFIED and ESCALATED are new states.
ALTER TYPE "supervision"."case_status" RENAME VALUE 'FILING_REVOKED' TO 'QUALIFICATION_REVOKED';--> statement-breakpoint
ALTER TYPE "supervision"."case_status" ADD VALUE 'RECTIFIED' AFTER 'RECTIFICATION_ORDERED';--> statement-breakpoint
ALTER TYPE "supervision"."case_status" ADD VALUE 'ESCALATED' AFTER 'RECTIFIED';--> statement-breakpoint
ALTER TYPE "supervision"."violation_type" RENAME VALUE 'DISORDERLY_MANAGEMENT' TO 'MISMANAGEMENT';--> statement-breakpoint
ALTER TYPE "supervision"."violation_type" ADD VALUE 'TRANSFERRED_AUTHORITY' AFTER 'DELEGATED_AUTHORITY';--> statement-breakpoint
CREATE TYPE "supervision"."campaign_status" AS ENUM('PLANNED', 'DRAWN', 'PUBLISHED');--> statement-breakpoint
CREATE TYPE "supervision"."complaint_kind" AS ENUM('WORKER_COMPLAINT', 'MEDIA_REPORT');--> statement-breakpoint
CREATE TYPE "supervision"."complaint_status" AS ENUM('RECEIVED', 'ACCEPTED', 'DISMISSED', 'CONVERTED');--> statement-breakpoint
CREATE TYPE "supervision"."inspection_kind" AS ENUM('RANDOM_INSPECTION', 'PERIODIC_INSPECTION', 'SPECIAL_INSPECTION');--> statement-breakpoint
CREATE TYPE "supervision"."inspection_outcome" AS ENUM('NO_ISSUES', 'ISSUES_FOUND');--> statement-breakpoint
CREATE TYPE "supervision"."pool_level" AS ENUM('CITY', 'PROVINCE');--> statement-breakpoint
CREATE TYPE "supervision"."pool_member_kind" AS ENUM('INSPECTOR', 'EXTERNAL_SUPERVISOR');--> statement-breakpoint
CREATE TABLE "supervision"."campaign_assignments" (
	"campaign_id" uuid,
	"enterprise_id" uuid,
	"inspector_id" uuid,
	CONSTRAINT "campaign_assignments_pkey" PRIMARY KEY("campaign_id","enterprise_id","inspector_id")
);
--> statement-breakpoint
CREATE TABLE "supervision"."campaign_institutions" (
	"campaign_id" uuid,
	"enterprise_id" uuid,
	"prefecture_code" char(6) NOT NULL,
	"position" integer NOT NULL,
	"outcome" "supervision"."inspection_outcome",
	"result_summary" text,
	"inspected_on" date,
	"recorded_by" text,
	CONSTRAINT "campaign_institutions_pkey" PRIMARY KEY("campaign_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "supervision"."campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"kind" "supervision"."inspection_kind" NOT NULL,
	"title" text NOT NULL,
	"prefecture_code" char(6),
	"occupation_code" text,
	"period_starts_on" date NOT NULL,
	"period_ends_on" date NOT NULL,
	"institution_count" integer NOT NULL,
	"inspectors_per_institution" integer NOT NULL,
	"seed" text NOT NULL,
	"algorithm" text NOT NULL,
	"status" "supervision"."campaign_status" DEFAULT 'PLANNED'::"supervision"."campaign_status" NOT NULL,
	"institution_pool" uuid[],
	"inspector_pool" uuid[],
	"exclusions" text[],
	"previous_campaign_id" uuid,
	"drawn_at" timestamp with time zone,
	"drawn_by" text,
	"published_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_period_order" CHECK ("period_ends_on" >= "period_starts_on"),
	CONSTRAINT "campaigns_counts" CHECK ("institution_count" >= 1 and "inspectors_per_institution" >= 1)
);
--> statement-breakpoint
CREATE TABLE "supervision"."case_events" (
	"id" bigserial PRIMARY KEY,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" "supervision"."case_status",
	"to_status" "supervision"."case_status" NOT NULL,
	"note" text,
	"actor" text NOT NULL,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision"."case_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"case_id" uuid NOT NULL,
	"violation_type" "supervision"."violation_type" NOT NULL,
	"description" text NOT NULL,
	"evidence" text[] NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_role" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_findings_evidence" CHECK (cardinality("evidence") >= 1)
);
--> statement-breakpoint
CREATE TABLE "supervision"."certificate_orders" (
	"certificate_number" char(22) PRIMARY KEY,
	"case_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"ordered_by" text NOT NULL,
	"ordered_role" text NOT NULL,
	"ordered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision"."complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"kind" "supervision"."complaint_kind" NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"prefecture_code" char(6) NOT NULL,
	"content" text NOT NULL,
	"complainant_name" text,
	"complainant_contact" text,
	"media_outlet" text,
	"media_reference" text,
	"published_on" date,
	"received_on" date NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "supervision"."complaint_status" DEFAULT 'RECEIVED'::"supervision"."complaint_status" NOT NULL,
	"suspected_violations" "supervision"."violation_type"[] DEFAULT '{}'::"supervision"."violation_type"[] NOT NULL,
	"triage_note" text,
	"triaged_by" text,
	"triaged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "supervision"."inspectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"kind" "supervision"."pool_member_kind" NOT NULL,
	"name" text NOT NULL,
	"level" "supervision"."pool_level" NOT NULL,
	"prefecture_code" char(6),
	"employer_id" uuid,
	"former_employer_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"qualifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"occupation_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspectors_level_prefecture" CHECK (("level" = 'CITY') = ("prefecture_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "supervision"."supervisor_dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"plan_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"prefecture_code" char(6) NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"dispatched_by" text NOT NULL,
	"dispatched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" "supervision"."inspection_outcome",
	"findings" text,
	"evidence" text[] DEFAULT '{}'::text[] NOT NULL,
	"findings_recorded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "complaint_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "signal_key" text;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "notified_on" date;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "rectification_requirements" text;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "rectification_report" text;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "rectified_on" date;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "escalated_on" date;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "escalation_reason" text;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "revoked_on" date;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "conclusion" text;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "transferred_to" text;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "transferred_on" date;--> statement-breakpoint
ALTER TABLE "supervision"."cases" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "campaign_assignments_inspector_idx" ON "supervision"."campaign_assignments" ("inspector_id");--> statement-breakpoint
CREATE INDEX "campaigns_prefecture_idx" ON "supervision"."campaigns" ("prefecture_code","drawn_at");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "supervision"."case_events" ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_findings_case_idx" ON "supervision"."case_findings" ("case_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_complaint_key" ON "supervision"."cases" ("complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_signal_key" ON "supervision"."cases" ("signal_key");--> statement-breakpoint
CREATE INDEX "certificate_orders_case_idx" ON "supervision"."certificate_orders" ("case_id");--> statement-breakpoint
CREATE INDEX "complaints_prefecture_idx" ON "supervision"."complaints" ("prefecture_code","status");--> statement-breakpoint
CREATE INDEX "inspectors_pool_idx" ON "supervision"."inspectors" ("kind","prefecture_code");--> statement-breakpoint
CREATE UNIQUE INDEX "supervisor_dispatches_plan_supervisor_key" ON "supervision"."supervisor_dispatches" ("plan_id","supervisor_id");--> statement-breakpoint
CREATE INDEX "supervisor_dispatches_prefecture_idx" ON "supervision"."supervisor_dispatches" ("prefecture_code");--> statement-breakpoint
ALTER TABLE "supervision"."campaign_assignments" ADD CONSTRAINT "campaign_assignments_campaign_id_campaigns_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "supervision"."campaigns"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "supervision"."campaign_assignments" ADD CONSTRAINT "campaign_assignments_inspector_id_inspectors_id_fkey" FOREIGN KEY ("inspector_id") REFERENCES "supervision"."inspectors"("id");--> statement-breakpoint
ALTER TABLE "supervision"."campaign_institutions" ADD CONSTRAINT "campaign_institutions_campaign_id_campaigns_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "supervision"."campaigns"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "supervision"."case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fkey" FOREIGN KEY ("case_id") REFERENCES "supervision"."cases"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "supervision"."case_findings" ADD CONSTRAINT "case_findings_case_id_cases_id_fkey" FOREIGN KEY ("case_id") REFERENCES "supervision"."cases"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "supervision"."certificate_orders" ADD CONSTRAINT "certificate_orders_case_id_cases_id_fkey" FOREIGN KEY ("case_id") REFERENCES "supervision"."cases"("id");--> statement-breakpoint
ALTER TABLE "supervision"."supervisor_dispatches" ADD CONSTRAINT "supervisor_dispatches_supervisor_id_inspectors_id_fkey" FOREIGN KEY ("supervisor_id") REFERENCES "supervision"."inspectors"("id");