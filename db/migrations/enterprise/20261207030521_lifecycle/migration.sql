CREATE TYPE "enterprise"."filing_route" AS ENUM('CITY', 'PROVINCE');--> statement-breakpoint
ALTER TYPE "enterprise"."filing_status" ADD VALUE 'WITHDRAWN';--> statement-breakpoint
ALTER TYPE "enterprise"."filing_status" ADD VALUE 'CANCELLED';--> statement-breakpoint
ALTER TYPE "enterprise"."qualification_status" ADD VALUE 'CANCELLED';--> statement-breakpoint
ALTER TABLE "enterprise"."enterprises" ADD COLUMN "province_route" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprise"."enterprises" ADD COLUMN "suspended_until" date;--> statement-breakpoint
ALTER TABLE "enterprise"."enterprises" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
ALTER TABLE "enterprise"."filings" ADD COLUMN "route" "enterprise"."filing_route" DEFAULT 'CITY'::"enterprise"."filing_route" NOT NULL;--> statement-breakpoint
-- Filings made before the route was a choice went straight to the province for 省属 and 中央在湘 enterprises.
UPDATE "enterprise"."filings" f SET "route" = 'PROVINCE' FROM "enterprise"."enterprises" e WHERE e."id" = f."enterprise_id" AND e."affiliation" <> 'LOCAL';
