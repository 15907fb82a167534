CREATE SCHEMA "assessment";
--> statement-breakpoint
CREATE SCHEMA "enterprise";
--> statement-breakpoint
CREATE SCHEMA "occupation";
--> statement-breakpoint
CREATE SCHEMA "supervision";
--> statement-breakpoint
CREATE TYPE "assessment"."certificate_status" AS ENUM('VALID', 'REVOKED');--> statement-breakpoint
CREATE TYPE "assessment"."evaluation_method" AS ENUM('THEORY_EXAM', 'SKILL_OPERATION', 'INTEGRATED', 'SIMULATION', 'ON_JOB_TRAINING', 'TECHNICAL_CONTEST', 'COMPETITION', 'DIRECT_RECOGNITION');--> statement-breakpoint
CREATE TYPE "enterprise"."enterprise_affiliation" AS ENUM('LOCAL', 'PROVINCIAL', 'CENTRAL');--> statement-breakpoint
CREATE TYPE "enterprise"."enterprise_nature" AS ENUM('STATE_OWNED', 'PRIVATE', 'FOREIGN', 'MIXED', 'OTHER');--> statement-breakpoint
CREATE TYPE "enterprise"."evaluation_basis" AS ENUM('NATIONAL_STANDARD', 'ENTERPRISE_SPECIFICATION');--> statement-breakpoint
CREATE TYPE "enterprise"."filing_kind" AS ENUM('ENTERPRISE_SELF_EVALUATION', 'SOCIAL_EVALUATION_ORGANIZATION');--> statement-breakpoint
CREATE TYPE "enterprise"."filing_status" AS ENUM('DRAFT', 'SUBMITTED', 'CITY_REVIEWED', 'PROVINCE_REVIEWED', 'CONFIRMED', 'REJECTED', 'SUSPENDED', 'REVOKED');--> statement-breakpoint
CREATE TYPE "supervision"."case_source" AS ENUM('RANDOM_INSPECTION', 'PERIODIC_INSPECTION', 'SPECIAL_INSPECTION', 'COMPLAINT', 'MEDIA_REPORT', 'RISK_SIGNAL');--> statement-breakpoint
CREATE TYPE "supervision"."case_status" AS ENUM('OPEN', 'INVESTIGATING', 'RECTIFICATION_ORDERED', 'CLOSED', 'FILING_REVOKED', 'TRANSFERRED');--> statement-breakpoint
CREATE TYPE "supervision"."violation_type" AS ENUM('LOWERED_STANDARDS', 'DELEGATED_AUTHORITY', 'OUT_OF_SCOPE', 'BROKEN_COMMITMENT', 'DISHONESTY', 'UNFAIR_COMPETITION', 'DISORDERLY_MANAGEMENT', 'IRREGULAR_CERTIFICATES');--> statement-breakpoint
CREATE TABLE "assessment"."certificates" (
	"number" char(22) PRIMARY KEY,
	"plan_id" uuid,
	"enterprise_id" uuid NOT NULL,
	"occupation_code" text NOT NULL,
	"work_type_code" text,
	"level" smallint NOT NULL,
	"holder_name" text NOT NULL,
	"holder_resident_id" char(18) NOT NULL,
	"issued_on" date NOT NULL,
	"status" "assessment"."certificate_status" DEFAULT 'VALID'::"assessment"."certificate_status" NOT NULL,
	"revoked_on" date,
	"revocation_reason" text,
	"uploaded_on" date
);
--> statement-breakpoint
CREATE TABLE "assessment"."evaluation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"enterprise_id" uuid NOT NULL,
	"occupation_code" text NOT NULL,
	"work_type_code" text,
	"level" smallint NOT NULL,
	"method" "assessment"."evaluation_method" NOT NULL,
	"evaluation_date" date NOT NULL,
	"reported_on" date NOT NULL,
	"site" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise"."enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"credit_code" char(18) NOT NULL,
	"name" text NOT NULL,
	"legal_representative" text NOT NULL,
	"address" text NOT NULL,
	"phone" text NOT NULL,
	"registration_authority" text NOT NULL,
	"founded_on" date NOT NULL,
	"employee_count" integer NOT NULL,
	"skilled_worker_count" integer NOT NULL,
	"nature" "enterprise"."enterprise_nature" NOT NULL,
	"main_business" text NOT NULL,
	"head_name" text NOT NULL,
	"head_phone" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_title" text NOT NULL,
	"email" text NOT NULL,
	"prefecture_code" char(6) NOT NULL,
	"affiliation" "enterprise"."enterprise_affiliation" DEFAULT 'LOCAL'::"enterprise"."enterprise_affiliation" NOT NULL,
	"institution_code" char(6),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_skilled_le_employees" CHECK ("skilled_worker_count" <= "employee_count")
);
--> statement-breakpoint
CREATE TABLE "enterprise"."filing_scopes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"filing_id" uuid NOT NULL,
	"occupation_code" text NOT NULL,
	"occupation_name" text NOT NULL,
	"work_type_code" text,
	"work_type_name" text,
	"levels" smallint[] NOT NULL,
	"basis" "enterprise"."evaluation_basis" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise"."filing_transitions" (
	"id" bigserial PRIMARY KEY,
	"filing_id" uuid NOT NULL,
	"from_status" "enterprise"."filing_status",
	"to_status" "enterprise"."filing_status" NOT NULL,
	"actor" text NOT NULL,
	"actor_role" text NOT NULL,
	"opinion" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise"."filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"enterprise_id" uuid NOT NULL,
	"kind" "enterprise"."filing_kind" NOT NULL,
	"status" "enterprise"."filing_status" DEFAULT 'DRAFT'::"enterprise"."filing_status" NOT NULL,
	"serves" text,
	"team_description" text DEFAULT '' NOT NULL,
	"facilities_description" text DEFAULT '' NOT NULL,
	"systems_description" text DEFAULT '' NOT NULL,
	"plan_description" text DEFAULT '' NOT NULL,
	"commitment_signer" text,
	"commitment_signed_on" date,
	"submitted_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupation"."occupations" (
	"code" text PRIMARY KEY,
	"name" text NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" text,
	"is_green" boolean DEFAULT false NOT NULL,
	"is_digital" boolean DEFAULT false NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"definition" text,
	"tasks" text,
	"standard_levels" smallint[] DEFAULT '{1,2,3,4,5}'::smallint[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupation"."work_types" (
	"code" text PRIMARY KEY,
	"occupation_code" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision"."cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"enterprise_id" uuid NOT NULL,
	"prefecture_code" char(6) NOT NULL,
	"source" "supervision"."case_source" NOT NULL,
	"violation_types" "supervision"."violation_type"[] DEFAULT '{}'::"supervision"."violation_type"[] NOT NULL,
	"status" "supervision"."case_status" DEFAULT 'OPEN'::"supervision"."case_status" NOT NULL,
	"summary" text NOT NULL,
	"opened_on" date NOT NULL,
	"rectification_due_on" date,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "certificates_enterprise_idx" ON "assessment"."certificates" ("enterprise_id","number");--> statement-breakpoint
CREATE INDEX "certificates_occupation_idx" ON "assessment"."certificates" ("occupation_code");--> statement-breakpoint
CREATE INDEX "certificates_issued_idx" ON "assessment"."certificates" ("issued_on");--> statement-breakpoint
CREATE INDEX "evaluation_plans_enterprise_idx" ON "assessment"."evaluation_plans" ("enterprise_id","evaluation_date");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_credit_code_key" ON "enterprise"."enterprises" ("credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_institution_code_key" ON "enterprise"."enterprises" ("institution_code");--> statement-breakpoint
CREATE INDEX "enterprises_prefecture_idx" ON "enterprise"."enterprises" ("prefecture_code","id");--> statement-breakpoint
CREATE INDEX "filing_scopes_filing_idx" ON "enterprise"."filing_scopes" ("filing_id");--> statement-breakpoint
CREATE INDEX "filing_scopes_occupation_idx" ON "enterprise"."filing_scopes" ("occupation_code");--> statement-breakpoint
CREATE INDEX "filing_transitions_filing_idx" ON "enterprise"."filing_transitions" ("filing_id","at");--> statement-breakpoint
CREATE INDEX "filings_enterprise_idx" ON "enterprise"."filings" ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "filings_status_idx" ON "enterprise"."filings" ("status");--> statement-breakpoint
CREATE INDEX "occupations_parent_idx" ON "occupation"."occupations" ("parent_code","code");--> statement-breakpoint
CREATE INDEX "occupations_level_idx" ON "occupation"."occupations" ("level","code");--> statement-breakpoint
CREATE INDEX "work_types_occupation_idx" ON "occupation"."work_types" ("occupation_code");--> statement-breakpoint
CREATE INDEX "cases_enterprise_idx" ON "supervision"."cases" ("enterprise_id","opened_on");--> statement-breakpoint
CREATE INDEX "cases_prefecture_idx" ON "supervision"."cases" ("prefecture_code","opened_on");--> statement-breakpoint
ALTER TABLE "assessment"."certificates" ADD CONSTRAINT "certificates_plan_id_evaluation_plans_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "assessment"."evaluation_plans"("id");--> statement-breakpoint
ALTER TABLE "enterprise"."filing_scopes" ADD CONSTRAINT "filing_scopes_filing_id_filings_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "enterprise"."filings"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "enterprise"."filing_transitions" ADD CONSTRAINT "filing_transitions_filing_id_filings_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "enterprise"."filings"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "enterprise"."filings" ADD CONSTRAINT "filings_enterprise_id_enterprises_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"."enterprises"("id");--> statement-breakpoint
ALTER TABLE "occupation"."work_types" ADD CONSTRAINT "work_types_occupation_code_occupations_code_fkey" FOREIGN KEY ("occupation_code") REFERENCES "occupation"."occupations"("code");