CREATE TYPE "enterprise"."qualification_status" AS ENUM('NONE', 'CONFIRMED', 'SUSPENDED', 'REVOKED');--> statement-breakpoint
CREATE TYPE "enterprise"."specification_status" AS ENUM('SUBMITTED', 'APPROVED', 'REJECTED');--> statement-breakpoint
CREATE TABLE "enterprise"."enterprise_specifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"enterprise_id" uuid NOT NULL,
	"title" text NOT NULL,
	"occupation_code" text NOT NULL,
	"work_type_code" text,
	"levels" smallint[] NOT NULL,
	"document_reference" text NOT NULL,
	"status" "enterprise"."specification_status" DEFAULT 'SUBMITTED'::"enterprise"."specification_status" NOT NULL,
	"reviewed_by" text,
	"review_opinion" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise"."filing_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"filing_id" uuid NOT NULL,
	"title" text NOT NULL,
	"reference" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise"."enterprises" ADD COLUMN "qualification" "enterprise"."qualification_status" DEFAULT 'NONE'::"enterprise"."qualification_status" NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprise"."enterprises" ADD COLUMN "qualified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enterprise"."filing_scopes" ADD COLUMN "job_role_name" text;--> statement-breakpoint
ALTER TABLE "enterprise"."filing_scopes" ADD COLUMN "specification_id" uuid;--> statement-breakpoint
ALTER TABLE "enterprise"."filings" ADD COLUMN "amends_filing_id" uuid;--> statement-breakpoint
CREATE INDEX "enterprise_specifications_enterprise_idx" ON "enterprise"."enterprise_specifications" ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "enterprises_qualification_idx" ON "enterprise"."enterprises" ("qualification","prefecture_code","id");--> statement-breakpoint
CREATE INDEX "filing_attachments_filing_idx" ON "enterprise"."filing_attachments" ("filing_id");--> statement-breakpoint
ALTER TABLE "enterprise"."enterprise_specifications" ADD CONSTRAINT "enterprise_specifications_enterprise_id_enterprises_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"."enterprises"("id");--> statement-breakpoint
ALTER TABLE "enterprise"."filing_attachments" ADD CONSTRAINT "filing_attachments_filing_id_filings_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "enterprise"."filings"("id") ON DELETE CASCADE;