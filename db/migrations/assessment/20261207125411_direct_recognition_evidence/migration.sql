CREATE TYPE "assessment"."evidence_kind" AS ENUM('ABILITY', 'PERFORMANCE');--> statement-breakpoint
CREATE TYPE "assessment"."review_defence_form" AS ENUM('ON_SITE_REVIEW', 'DEFENCE');--> statement-breakpoint
CREATE TYPE "assessment"."review_defence_result" AS ENUM('PASSED', 'FAILED');--> statement-breakpoint
CREATE TABLE "assessment"."candidate_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"candidate_id" uuid NOT NULL,
	"kind" "assessment"."evidence_kind" NOT NULL,
	"title" text NOT NULL,
	"attachment" text NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment"."review_defence_records" (
	"candidate_id" uuid PRIMARY KEY,
	"form" "assessment"."review_defence_form" NOT NULL,
	"held_on" date NOT NULL,
	"panel" uuid[] NOT NULL,
	"result" "assessment"."review_defence_result" NOT NULL,
	"note" text,
	"recorded_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "candidate_evidence_candidate_idx" ON "assessment"."candidate_evidence" ("candidate_id");--> statement-breakpoint
ALTER TABLE "assessment"."candidate_evidence" ADD CONSTRAINT "candidate_evidence_candidate_id_candidates_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "assessment"."candidates"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."review_defence_records" ADD CONSTRAINT "review_defence_records_candidate_id_candidates_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "assessment"."candidates"("id") ON DELETE CASCADE;