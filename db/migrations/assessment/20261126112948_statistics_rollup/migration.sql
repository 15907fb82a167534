CREATE TABLE "assessment"."statistics_daily" (
	"enterprise_id" uuid NOT NULL,
	"prefecture_code" char(6) NOT NULL,
	"occupation_code" text NOT NULL,
	"level" smallint NOT NULL,
	"method" "assessment"."evaluation_method",
	"day" date NOT NULL,
	"candidates" integer DEFAULT 0 NOT NULL,
	"passed" integer DEFAULT 0 NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"revoked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "statistics_daily_key" UNIQUE NULLS NOT DISTINCT("enterprise_id","prefecture_code","occupation_code","level","method","day")
);
--> statement-breakpoint
CREATE INDEX "statistics_daily_prefecture_idx" ON "assessment"."statistics_daily" ("prefecture_code","day");--> statement-breakpoint
-- Statement-level triggers keep statistics_daily current in the writing transaction, for every
-- writer (subgraph mutations, revocation orders, seeds, COPY): one grouped upsert per statement,
-- so a bulk insert of 5,000 certificates costs one aggregate, not 5,000 row triggers. Rows are
-- upserted in key order so concurrent writers lock rollup rows in the same order (no deadlock).
CREATE FUNCTION "assessment"."statistics_track_certificates"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO assessment.statistics_daily AS s (enterprise_id, prefecture_code, occupation_code, level, method, day, issued, revoked)
    SELECT c.enterprise_id, c.prefecture_code, c.occupation_code, c.level, p.method, c.issued_on,
           count(*), count(*) FILTER (WHERE c.status = 'REVOKED')
    FROM new_rows c LEFT JOIN assessment.evaluation_plans p ON p.id = c.plan_id
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT statistics_daily_key
    DO UPDATE SET issued = s.issued + excluded.issued, revoked = s.revoked + excluded.revoked;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO assessment.statistics_daily AS s (enterprise_id, prefecture_code, occupation_code, level, method, day, issued, revoked)
    SELECT c.enterprise_id, c.prefecture_code, c.occupation_code, c.level, p.method, c.issued_on,
           -count(*), -count(*) FILTER (WHERE c.status = 'REVOKED')
    FROM old_rows c LEFT JOIN assessment.evaluation_plans p ON p.id = c.plan_id
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT statistics_daily_key
    DO UPDATE SET issued = s.issued + excluded.issued, revoked = s.revoked + excluded.revoked;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "assessment"."statistics_track_candidates"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO assessment.statistics_daily AS s (enterprise_id, prefecture_code, occupation_code, level, method, day, candidates, passed)
    SELECT p.enterprise_id, p.prefecture_code, p.occupation_code, p.level, p.method, p.evaluation_date,
           count(*), count(*) FILTER (WHERE c.result = 'PASSED')
    FROM new_rows c JOIN assessment.evaluation_plans p ON p.id = c.plan_id
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT statistics_daily_key
    DO UPDATE SET candidates = s.candidates + excluded.candidates, passed = s.passed + excluded.passed;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO assessment.statistics_daily AS s (enterprise_id, prefecture_code, occupation_code, level, method, day, candidates, passed)
    SELECT p.enterprise_id, p.prefecture_code, p.occupation_code, p.level, p.method, p.evaluation_date,
           -count(*), -count(*) FILTER (WHERE c.result = 'PASSED')
    FROM old_rows c JOIN assessment.evaluation_plans p ON p.id = c.plan_id
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT statistics_daily_key
    DO UPDATE SET candidates = s.candidates + excluded.candidates, passed = s.passed + excluded.passed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "statistics_certificates_insert" AFTER INSERT ON "assessment"."certificates"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "assessment"."statistics_track_certificates"();
--> statement-breakpoint
CREATE TRIGGER "statistics_certificates_update" AFTER UPDATE ON "assessment"."certificates"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "assessment"."statistics_track_certificates"();
--> statement-breakpoint
CREATE TRIGGER "statistics_certificates_delete" AFTER DELETE ON "assessment"."certificates"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "assessment"."statistics_track_certificates"();
--> statement-breakpoint
CREATE TRIGGER "statistics_candidates_insert" AFTER INSERT ON "assessment"."candidates"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "assessment"."statistics_track_candidates"();
--> statement-breakpoint
CREATE TRIGGER "statistics_candidates_update" AFTER UPDATE ON "assessment"."candidates"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "assessment"."statistics_track_candidates"();
--> statement-breakpoint
CREATE TRIGGER "statistics_candidates_delete" AFTER DELETE ON "assessment"."candidates"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "assessment"."statistics_track_candidates"();
--> statement-breakpoint
-- Backfill a database migrated before this change (the triggers see only later writes).
INSERT INTO "assessment"."statistics_daily" AS s (enterprise_id, prefecture_code, occupation_code, level, method, day, issued, revoked)
SELECT c.enterprise_id, c.prefecture_code, c.occupation_code, c.level, p.method, c.issued_on,
       count(*), count(*) FILTER (WHERE c.status = 'REVOKED')
FROM "assessment"."certificates" c LEFT JOIN "assessment"."evaluation_plans" p ON p.id = c.plan_id
GROUP BY 1, 2, 3, 4, 5, 6
ON CONFLICT ON CONSTRAINT statistics_daily_key
DO UPDATE SET issued = s.issued + excluded.issued, revoked = s.revoked + excluded.revoked;
--> statement-breakpoint
INSERT INTO "assessment"."statistics_daily" AS s (enterprise_id, prefecture_code, occupation_code, level, method, day, candidates, passed)
SELECT p.enterprise_id, p.prefecture_code, p.occupation_code, p.level, p.method, p.evaluation_date,
       count(*), count(*) FILTER (WHERE c.result = 'PASSED')
FROM "assessment"."candidates" c JOIN "assessment"."evaluation_plans" p ON p.id = c.plan_id
GROUP BY 1, 2, 3, 4, 5, 6
ON CONFLICT ON CONSTRAINT statistics_daily_key
DO UPDATE SET candidates = s.candidates + excluded.candidates, passed = s.passed + excluded.passed;
