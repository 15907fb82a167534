CREATE TYPE "assessment"."plan_change_kind" AS ENUM('RESCHEDULED', 'CANCELLED', 'CANDIDATE_WITHDRAWN');--> statement-breakpoint
ALTER TYPE "assessment"."plan_status" ADD VALUE 'CANCELLED';--> statement-breakpoint
CREATE TABLE "assessment"."plan_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"plan_id" uuid NOT NULL,
	"kind" "assessment"."plan_change_kind" NOT NULL,
	"changed_on" date NOT NULL,
	"changed_by" text NOT NULL,
	"reason" text NOT NULL,
	"previous_date" date,
	"new_date" date,
	"candidate_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment"."candidates" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "assessment"."candidates" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
CREATE INDEX "plan_changes_plan_idx" ON "assessment"."plan_changes" ("plan_id","created_at");--> statement-breakpoint
ALTER TABLE "assessment"."plan_changes" ADD CONSTRAINT "plan_changes_plan_id_evaluation_plans_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "assessment"."evaluation_plans"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."plan_changes" ADD CONSTRAINT "plan_changes_candidate_id_candidates_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "assessment"."candidates"("id");--> statement-breakpoint
-- The statistics count a candidate on its plan's evaluation day while it stands: not once withdrawn,
-- not on a cancelled plan. (Status compared as text: the enum value is added in this migration.)
CREATE OR REPLACE FUNCTION "assessment"."statistics_track_candidates"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO assessment.statistics_daily AS s (enterprise_id, prefecture_code, occupation_code, level, method, day, candidates, passed)
    SELECT p.enterprise_id, p.prefecture_code, p.occupation_code, p.level, p.method, p.evaluation_date,
           count(*), count(*) FILTER (WHERE c.result = 'PASSED')
    FROM new_rows c JOIN assessment.evaluation_plans p ON p.id = c.plan_id
    WHERE c.withdrawn_on IS NULL AND p.status::text <> 'CANCELLED'
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT statistics_daily_key
    DO UPDATE SET candidates = s.candidates + excluded.candidates, passed = s.passed + excluded.passed;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO assessment.statistics_daily AS s (enterprise_id, prefecture_code, occupation_code, level, method, day, candidates, passed)
    SELECT p.enterprise_id, p.prefecture_code, p.occupation_code, p.level, p.method, p.evaluation_date,
           -count(*), -count(*) FILTER (WHERE c.result = 'PASSED')
    FROM old_rows c JOIN assessment.evaluation_plans p ON p.id = c.plan_id
    WHERE c.withdrawn_on IS NULL AND p.status::text <> 'CANCELLED'
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT statistics_daily_key
    DO UPDATE SET candidates = s.candidates + excluded.candidates, passed = s.passed + excluded.passed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A plan rescheduled or cancelled moves its standing candidates: out of the old day (or out of the
-- counts altogether, when cancelled) and into the new one, in the same transaction.
CREATE FUNCTION "assessment"."statistics_track_plan_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status::text <> 'CANCELLED' THEN
    INSERT INTO assessment.statistics_daily AS s (enterprise_id, prefecture_code, occupation_code, level, method, day, candidates, passed)
    SELECT OLD.enterprise_id, OLD.prefecture_code, OLD.occupation_code, OLD.level, OLD.method, OLD.evaluation_date,
           -count(*), -count(*) FILTER (WHERE c.result = 'PASSED')
    FROM assessment.candidates c WHERE c.plan_id = OLD.id AND c.withdrawn_on IS NULL
    HAVING count(*) > 0
    ON CONFLICT ON CONSTRAINT statistics_daily_key
    DO UPDATE SET candidates = s.candidates + excluded.candidates, passed = s.passed + excluded.passed;
  END IF;
  IF NEW.status::text <> 'CANCELLED' THEN
    INSERT INTO assessment.statistics_daily AS s (enterprise_id, prefecture_code, occupation_code, level, method, day, candidates, passed)
    SELECT NEW.enterprise_id, NEW.prefecture_code, NEW.occupation_code, NEW.level, NEW.method, NEW.evaluation_date,
           count(*), count(*) FILTER (WHERE c.result = 'PASSED')
    FROM assessment.candidates c WHERE c.plan_id = NEW.id AND c.withdrawn_on IS NULL
    HAVING count(*) > 0
    ON CONFLICT ON CONSTRAINT statistics_daily_key
    DO UPDATE SET candidates = s.candidates + excluded.candidates, passed = s.passed + excluded.passed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "statistics_plan_changes" AFTER UPDATE OF evaluation_date, status ON "assessment"."evaluation_plans"
  FOR EACH ROW
  WHEN (OLD.evaluation_date IS DISTINCT FROM NEW.evaluation_date
        OR (OLD.status::text = 'CANCELLED') IS DISTINCT FROM (NEW.status::text = 'CANCELLED'))
  EXECUTE FUNCTION "assessment"."statistics_track_plan_changes"();
