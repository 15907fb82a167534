CREATE TYPE "enterprise"."leading_position_scope" AS ENUM('NATIONAL', 'PROVINCIAL', 'PREFECTURAL');--> statement-breakpoint
CREATE TABLE "enterprise"."filing_grounds_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"filing_id" uuid NOT NULL,
	"title" text NOT NULL,
	"reference" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise"."filing_leading_grounds" (
	"filing_id" uuid PRIMARY KEY,
	"industry" text NOT NULL,
	"position_scope" "enterprise"."leading_position_scope" NOT NULL,
	"industry_position" text NOT NULL,
	"chain_name" text NOT NULL,
	"chain_role" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise"."filing_transitions" ADD COLUMN "grounds_accepted" boolean;--> statement-breakpoint
ALTER TABLE "enterprise"."filing_transitions" ADD COLUMN "grounds_opinion" text;--> statement-breakpoint
CREATE INDEX "filing_grounds_evidence_filing_idx" ON "enterprise"."filing_grounds_evidence" ("filing_id");--> statement-breakpoint
ALTER TABLE "enterprise"."filing_grounds_evidence" ADD CONSTRAINT "filing_grounds_evidence_filing_id_filings_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "enterprise"."filings"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "enterprise"."filing_leading_grounds" ADD CONSTRAINT "filing_leading_grounds_filing_id_filings_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "enterprise"."filings"("id") ON DELETE CASCADE;