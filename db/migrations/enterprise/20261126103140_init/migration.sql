CREATE SCHEMA "enterprise";
--> statement-breakpoint
CREATE TYPE "enterprise"."enterprise_affiliation" AS ENUM('LOCAL', 'PROVINCIAL', 'CENTRAL');--> statement-breakpoint
CREATE TYPE "enterprise"."enterprise_nature" AS ENUM('STATE_OWNED', 'PRIVATE', 'FOREIGN', 'MIXED', 'OTHER');--> statement-breakpoint
CREATE TYPE "enterprise"."evaluation_basis" AS ENUM('NATIONAL_STANDARD', 'ENTERPRISE_SPECIFICATION');--> statement-breakpoint
CREATE TYPE "enterprise"."filing_kind" AS ENUM('ENTERPRISE_SELF_EVALUATION', 'SOCIAL_EVALUATION_ORGANIZATION');--> statement-breakpoint
CREATE TYPE "enterprise"."filing_status" AS ENUM('DRAFT', 'SUBMITTED', 'CITY_REVIEWED', 'PROVINCE_REVIEWED', 'CONFIRMED', 'REJECTED', 'SUSPENDED', 'REVOKED');--> statement-breakpoint
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
CREATE UNIQUE INDEX "enterprises_credit_code_key" ON "enterprise"."enterprises" ("credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_institution_code_key" ON "enterprise"."enterprises" ("institution_code");--> statement-breakpoint
CREATE INDEX "enterprises_prefecture_idx" ON "enterprise"."enterprises" ("prefecture_code","id");--> statement-breakpoint
CREATE INDEX "filing_scopes_filing_idx" ON "enterprise"."filing_scopes" ("filing_id");--> statement-breakpoint
CREATE INDEX "filing_scopes_occupation_idx" ON "enterprise"."filing_scopes" ("occupation_code");--> statement-breakpoint
CREATE INDEX "filing_transitions_filing_idx" ON "enterprise"."filing_transitions" ("filing_id","at");--> statement-breakpoint
CREATE INDEX "filings_enterprise_idx" ON "enterprise"."filings" ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "filings_status_idx" ON "enterprise"."filings" ("status");--> statement-breakpoint
ALTER TABLE "enterprise"."filing_scopes" ADD CONSTRAINT "filing_scopes_filing_id_filings_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "enterprise"."filings"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "enterprise"."filing_transitions" ADD CONSTRAINT "filing_transitions_filing_id_filings_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "enterprise"."filings"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "enterprise"."filings" ADD CONSTRAINT "filings_enterprise_id_enterprises_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"."enterprises"("id");