CREATE TYPE "assessment"."announcement_period" AS ENUM('YEARLY', 'QUARTERLY');--> statement-breakpoint
CREATE TYPE "assessment"."appointment_title" AS ENUM('SPECIAL_TECHNICIAN', 'CHIEF_TECHNICIAN');--> statement-breakpoint
CREATE TYPE "assessment"."calendar_day_kind" AS ENUM('HOLIDAY', 'WORKDAY');--> statement-breakpoint
CREATE TYPE "assessment"."candidate_result" AS ENUM('PASSED', 'FAILED', 'WITHHELD');--> statement-breakpoint
CREATE TYPE "assessment"."credential_kind" AS ENUM('SKILL_LEVEL_CERTIFICATE', 'QUALIFICATION_CERTIFICATE');--> statement-breakpoint
CREATE TYPE "assessment"."exceptional_ground" AS ENUM('MAJOR_PROBLEM_SOLVED', 'PROVINCIAL_AWARD', 'OUTSTANDING_MENTORING');--> statement-breakpoint
CREATE TYPE "assessment"."objection_status" AS ENUM('OPEN', 'UPHELD', 'DISMISSED');--> statement-breakpoint
CREATE TYPE "assessment"."plan_status" AS ENUM('REPORTED', 'REVIEWED', 'PUBLICISED', 'SUBMITTED');--> statement-breakpoint
CREATE TYPE "assessment"."score_part" AS ENUM('THEORY', 'SKILL', 'ABILITY', 'PERFORMANCE', 'REVIEW_DEFENCE');--> statement-breakpoint
CREATE TYPE "assessment"."staff_role" AS ENUM('ASSESSOR', 'SENIOR_ASSESSOR', 'QUALITY_SUPERVISOR');--> statement-breakpoint
CREATE TABLE "assessment"."announcement_openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"announcement_id" uuid NOT NULL,
	"occupation_code" text NOT NULL,
	"work_type_code" text,
	"levels" smallint[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment"."announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"institution_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period" "assessment"."announcement_period" NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint,
	"published_on" date NOT NULL,
	"conditions" text NOT NULL,
	"process" text NOT NULL,
	"use_of_results" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment"."appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"institution_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"title" "assessment"."appointment_title" NOT NULL,
	"occupation_code" text NOT NULL,
	"term_starts_on" date NOT NULL,
	"term_ends_on" date NOT NULL,
	"appointed_on" date NOT NULL,
	CONSTRAINT "appointments_term_order" CHECK ("term_ends_on" > "term_starts_on")
);
--> statement-breakpoint
CREATE TABLE "assessment"."archive_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"plan_id" uuid NOT NULL,
	"retained_until" date NOT NULL,
	"destroyed_on" date NOT NULL,
	"entry" text NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment"."assessors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" "assessment"."staff_role" NOT NULL,
	"occupation_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment"."calendar_days" (
	"day" date PRIMARY KEY,
	"year" smallint NOT NULL,
	"kind" "assessment"."calendar_day_kind" NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment"."calendar_years" (
	"year" smallint PRIMARY KEY,
	"source" text NOT NULL,
	"notice" text,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"loaded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment"."candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"plan_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"exceptional_ground" "assessment"."exceptional_ground",
	"exceptional_detail" text,
	"result" "assessment"."candidate_result",
	"total" numeric(5,2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment"."certificate_serials" (
	"institution_code" char(6),
	"year" smallint,
	"level" smallint,
	"last" integer NOT NULL,
	CONSTRAINT "certificate_serials_pkey" PRIMARY KEY("institution_code","year","level")
);
--> statement-breakpoint
CREATE TABLE "assessment"."objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"plan_id" uuid NOT NULL,
	"candidate_id" uuid,
	"raised_on" date NOT NULL,
	"raised_by" text NOT NULL,
	"content" text NOT NULL,
	"status" "assessment"."objection_status" DEFAULT 'OPEN'::"assessment"."objection_status" NOT NULL,
	"resolution" text,
	"resolved_on" date
);
--> statement-breakpoint
CREATE TABLE "assessment"."plan_staff" (
	"plan_id" uuid,
	"assessor_id" uuid,
	"role" "assessment"."staff_role" NOT NULL,
	CONSTRAINT "plan_staff_pkey" PRIMARY KEY("plan_id","assessor_id")
);
--> statement-breakpoint
CREATE TABLE "assessment"."scores" (
	"candidate_id" uuid,
	"assessor_id" uuid,
	"part" "assessment"."score_part",
	"score" numeric(5,2) NOT NULL,
	"recorded_on" date NOT NULL,
	CONSTRAINT "scores_pkey" PRIMARY KEY("candidate_id","assessor_id","part"),
	CONSTRAINT "scores_range" CHECK ("score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "assessment"."upload_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"institution_id" uuid NOT NULL,
	"uploaded_on" date NOT NULL,
	"reference" text NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment"."worker_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"worker_id" uuid NOT NULL,
	"kind" "assessment"."credential_kind" NOT NULL,
	"occupation_code" text NOT NULL,
	"level" smallint NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment"."workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"institution_id" uuid NOT NULL,
	"employer_credit_code" char(18) NOT NULL,
	"employer_name" text NOT NULL,
	"name" text NOT NULL,
	"resident_id" char(18) NOT NULL,
	"employed_since" date NOT NULL,
	"dispatched" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment"."certificates" ADD COLUMN "candidate_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment"."certificates" ADD COLUMN "prefecture_code" char(6);--> statement-breakpoint
-- Backfill: rows written before this column take their issuer's current 市州 (hand-added to the generated migration).
UPDATE "assessment"."certificates" c SET "prefecture_code" = e."prefecture_code" FROM "enterprise"."enterprises" e WHERE e."id" = c."enterprise_id";--> statement-breakpoint
ALTER TABLE "assessment"."certificates" ALTER COLUMN "prefecture_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment"."certificates" ADD COLUMN "revoked_by" text;--> statement-breakpoint
ALTER TABLE "assessment"."certificates" ADD COLUMN "upload_batch_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "prefecture_code" char(6);--> statement-breakpoint
UPDATE "assessment"."evaluation_plans" p SET "prefecture_code" = e."prefecture_code" FROM "enterprise"."enterprises" e WHERE e."id" = p."enterprise_id";--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ALTER COLUMN "prefecture_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "announcement_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "report_deadline" date;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "status" "assessment"."plan_status" DEFAULT 'REPORTED'::"assessment"."plan_status" NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "reviewed_on" date;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "publicity_starts_on" date;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "publicity_ends_on" date;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "result_deadline" date;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "result_deadline_confirmed" boolean;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "results_submitted_on" date;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "retention_years" smallint DEFAULT 5 NOT NULL;--> statement-breakpoint
CREATE INDEX "announcement_openings_announcement_idx" ON "assessment"."announcement_openings" ("announcement_id");--> statement-breakpoint
CREATE INDEX "announcements_institution_idx" ON "assessment"."announcements" ("institution_id","published_on");--> statement-breakpoint
CREATE INDEX "appointments_institution_idx" ON "assessment"."appointments" ("institution_id");--> statement-breakpoint
CREATE INDEX "assessors_institution_idx" ON "assessment"."assessors" ("institution_id","role");--> statement-breakpoint
CREATE INDEX "calendar_days_year_idx" ON "assessment"."calendar_days" ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_plan_worker_key" ON "assessment"."candidates" ("plan_id","worker_id");--> statement-breakpoint
CREATE INDEX "certificates_holder_idx" ON "assessment"."certificates" ("holder_resident_id");--> statement-breakpoint
CREATE INDEX "certificates_prefecture_idx" ON "assessment"."certificates" ("prefecture_code","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_candidate_key" ON "assessment"."certificates" ("candidate_id");--> statement-breakpoint
CREATE INDEX "evaluation_plans_prefecture_idx" ON "assessment"."evaluation_plans" ("prefecture_code","evaluation_date");--> statement-breakpoint
CREATE INDEX "objections_plan_idx" ON "assessment"."objections" ("plan_id","status");--> statement-breakpoint
CREATE INDEX "worker_credentials_worker_idx" ON "assessment"."worker_credentials" ("worker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workers_institution_resident_key" ON "assessment"."workers" ("institution_id","resident_id");--> statement-breakpoint
ALTER TABLE "assessment"."announcement_openings" ADD CONSTRAINT "announcement_openings_announcement_id_announcements_id_fkey" FOREIGN KEY ("announcement_id") REFERENCES "assessment"."announcements"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."appointments" ADD CONSTRAINT "appointments_worker_id_workers_id_fkey" FOREIGN KEY ("worker_id") REFERENCES "assessment"."workers"("id");--> statement-breakpoint
ALTER TABLE "assessment"."archive_ledger" ADD CONSTRAINT "archive_ledger_plan_id_evaluation_plans_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "assessment"."evaluation_plans"("id");--> statement-breakpoint
ALTER TABLE "assessment"."calendar_days" ADD CONSTRAINT "calendar_days_year_calendar_years_year_fkey" FOREIGN KEY ("year") REFERENCES "assessment"."calendar_years"("year") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."candidates" ADD CONSTRAINT "candidates_plan_id_evaluation_plans_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "assessment"."evaluation_plans"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."candidates" ADD CONSTRAINT "candidates_worker_id_workers_id_fkey" FOREIGN KEY ("worker_id") REFERENCES "assessment"."workers"("id");--> statement-breakpoint
ALTER TABLE "assessment"."certificates" ADD CONSTRAINT "certificates_candidate_id_candidates_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "assessment"."candidates"("id");--> statement-breakpoint
ALTER TABLE "assessment"."certificates" ADD CONSTRAINT "certificates_upload_batch_id_upload_batches_id_fkey" FOREIGN KEY ("upload_batch_id") REFERENCES "assessment"."upload_batches"("id");--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD CONSTRAINT "evaluation_plans_announcement_id_announcements_id_fkey" FOREIGN KEY ("announcement_id") REFERENCES "assessment"."announcements"("id");--> statement-breakpoint
ALTER TABLE "assessment"."objections" ADD CONSTRAINT "objections_plan_id_evaluation_plans_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "assessment"."evaluation_plans"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."objections" ADD CONSTRAINT "objections_candidate_id_candidates_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "assessment"."candidates"("id");--> statement-breakpoint
ALTER TABLE "assessment"."plan_staff" ADD CONSTRAINT "plan_staff_plan_id_evaluation_plans_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "assessment"."evaluation_plans"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."plan_staff" ADD CONSTRAINT "plan_staff_assessor_id_assessors_id_fkey" FOREIGN KEY ("assessor_id") REFERENCES "assessment"."assessors"("id");--> statement-breakpoint
ALTER TABLE "assessment"."scores" ADD CONSTRAINT "scores_candidate_id_candidates_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "assessment"."candidates"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."scores" ADD CONSTRAINT "scores_assessor_id_assessors_id_fkey" FOREIGN KEY ("assessor_id") REFERENCES "assessment"."assessors"("id");--> statement-breakpoint
ALTER TABLE "assessment"."worker_credentials" ADD CONSTRAINT "worker_credentials_worker_id_workers_id_fkey" FOREIGN KEY ("worker_id") REFERENCES "assessment"."workers"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD CONSTRAINT "evaluation_plans_publicity_order" CHECK ("publicity_ends_on" is null or "publicity_ends_on" >= "publicity_starts_on");--> statement-breakpoint
INSERT INTO "assessment"."certificate_serials" ("institution_code","year","level","last")
SELECT substr("number",8,6), (2000 + substr("number",14,2)::int)::smallint, substr("number",16,1)::smallint, max(substr("number",17,6)::int)
FROM "assessment"."certificates" GROUP BY 1,2,3;