CREATE TYPE "supervision"."certificate_decision" AS ENUM('AUTHORISE', 'REFUSE');--> statement-breakpoint
CREATE TABLE "supervision"."post_revocation_decisions" (
	"plan_id" uuid PRIMARY KEY,
	"case_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"prefecture_code" char(6) NOT NULL,
	"decision" "supervision"."certificate_decision" NOT NULL,
	"reason" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by" text NOT NULL,
	"decided_role" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "post_revocation_decisions_case_idx" ON "supervision"."post_revocation_decisions" ("case_id");--> statement-breakpoint
ALTER TABLE "supervision"."post_revocation_decisions" ADD CONSTRAINT "post_revocation_decisions_case_id_cases_id_fkey" FOREIGN KEY ("case_id") REFERENCES "supervision"."cases"("id");