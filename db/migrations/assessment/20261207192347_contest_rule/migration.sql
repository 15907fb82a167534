CREATE TYPE "assessment"."contest_award" AS ENUM('FIRST', 'SECOND', 'THIRD', 'EXCELLENCE', 'NONE');--> statement-breakpoint
CREATE TABLE "assessment"."contest_placings" (
	"candidate_id" uuid PRIMARY KEY,
	"rank" smallint,
	"award" "assessment"."contest_award",
	"recorded_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	CONSTRAINT "contest_placings_one" CHECK (("rank" is null) <> ("award" is null))
);
--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "contest_rule" jsonb;--> statement-breakpoint
ALTER TABLE "assessment"."contest_placings" ADD CONSTRAINT "contest_placings_candidate_id_candidates_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "assessment"."candidates"("id") ON DELETE CASCADE;