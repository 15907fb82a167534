CREATE TYPE "enterprise"."served_party_kind" AS ENUM('SUPPLY_CHAIN', 'SME', 'SCHOOL');--> statement-breakpoint
CREATE TABLE "enterprise"."filing_served_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"filing_id" uuid NOT NULL,
	"credit_code" char(18) NOT NULL,
	"name" text NOT NULL,
	"kind" "enterprise"."served_party_kind" NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "filing_served_parties_filing_party_key" ON "enterprise"."filing_served_parties" ("filing_id","credit_code");--> statement-breakpoint
CREATE INDEX "filing_served_parties_credit_code_idx" ON "enterprise"."filing_served_parties" ("credit_code");--> statement-breakpoint
ALTER TABLE "enterprise"."filing_served_parties" ADD CONSTRAINT "filing_served_parties_filing_id_filings_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "enterprise"."filings"("id") ON DELETE CASCADE;