CREATE SCHEMA "assessment";
--> statement-breakpoint
CREATE TYPE "assessment"."certificate_status" AS ENUM('VALID', 'REVOKED');--> statement-breakpoint
CREATE TYPE "assessment"."evaluation_method" AS ENUM('THEORY_EXAM', 'SKILL_OPERATION', 'INTEGRATED', 'SIMULATION', 'ON_JOB_TRAINING', 'TECHNICAL_CONTEST', 'COMPETITION', 'DIRECT_RECOGNITION');--> statement-breakpoint
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
CREATE INDEX "certificates_enterprise_idx" ON "assessment"."certificates" ("enterprise_id","number");--> statement-breakpoint
CREATE INDEX "certificates_occupation_idx" ON "assessment"."certificates" ("occupation_code");--> statement-breakpoint
CREATE INDEX "certificates_issued_idx" ON "assessment"."certificates" ("issued_on");--> statement-breakpoint
CREATE INDEX "evaluation_plans_enterprise_idx" ON "assessment"."evaluation_plans" ("enterprise_id","evaluation_date");--> statement-breakpoint
ALTER TABLE "assessment"."certificates" ADD CONSTRAINT "certificates_plan_id_evaluation_plans_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "assessment"."evaluation_plans"("id");