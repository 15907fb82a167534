CREATE SCHEMA "supervision";
--> statement-breakpoint
CREATE TYPE "supervision"."case_source" AS ENUM('RANDOM_INSPECTION', 'PERIODIC_INSPECTION', 'SPECIAL_INSPECTION', 'COMPLAINT', 'MEDIA_REPORT', 'RISK_SIGNAL');--> statement-breakpoint
CREATE TYPE "supervision"."case_status" AS ENUM('OPEN', 'INVESTIGATING', 'RECTIFICATION_ORDERED', 'CLOSED', 'FILING_REVOKED', 'TRANSFERRED');--> statement-breakpoint
CREATE TYPE "supervision"."violation_type" AS ENUM('LOWERED_STANDARDS', 'DELEGATED_AUTHORITY', 'OUT_OF_SCOPE', 'BROKEN_COMMITMENT', 'DISHONESTY', 'UNFAIR_COMPETITION', 'DISORDERLY_MANAGEMENT', 'IRREGULAR_CERTIFICATES');--> statement-breakpoint
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
CREATE INDEX "cases_enterprise_idx" ON "supervision"."cases" ("enterprise_id","opened_on");--> statement-breakpoint
CREATE INDEX "cases_prefecture_idx" ON "supervision"."cases" ("prefecture_code","opened_on");