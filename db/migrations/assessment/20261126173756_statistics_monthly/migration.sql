CREATE TABLE "assessment"."statistics_monthly" (
	"prefecture_code" char(6) NOT NULL,
	"level" smallint NOT NULL,
	"method" "assessment"."evaluation_method",
	"month" date NOT NULL,
	"candidates" integer DEFAULT 0 NOT NULL,
	"passed" integer DEFAULT 0 NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"revoked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "statistics_monthly_key" UNIQUE NULLS NOT DISTINCT("prefecture_code","level","method","month")
);
--> statement-breakpoint
-- statistics_monthly follows statistics_daily through statement-level triggers on it, in the same
-- transaction: whatever moves a daily row (the certificate and candidate triggers: inserts, their
-- ON CONFLICT updates, updates, deletes) moves its month by the same delta. One grouped upsert per
-- statement, in key order (concurrent writers lock monthly rows in the same order). Each branch
-- names only the transition tables its trigger has.
CREATE FUNCTION "assessment"."statistics_track_monthly"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO assessment.statistics_monthly AS m (prefecture_code, level, method, month, candidates, passed, issued, revoked)
    SELECT d.prefecture_code, d.level, d.method, date_trunc('month', d.day::timestamp)::date,
           sum(d.candidates), sum(d.passed), sum(d.issued), sum(d.revoked)
    FROM (SELECT prefecture_code, level, method, day, candidates, passed, issued, revoked FROM new_rows) d
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.candidates) <> 0 OR sum(d.passed) <> 0 OR sum(d.issued) <> 0 OR sum(d.revoked) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT statistics_monthly_key
    DO UPDATE SET candidates = m.candidates + excluded.candidates, passed = m.passed + excluded.passed,
                  issued = m.issued + excluded.issued, revoked = m.revoked + excluded.revoked;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO assessment.statistics_monthly AS m (prefecture_code, level, method, month, candidates, passed, issued, revoked)
    SELECT d.prefecture_code, d.level, d.method, date_trunc('month', d.day::timestamp)::date,
           sum(d.candidates), sum(d.passed), sum(d.issued), sum(d.revoked)
    FROM (SELECT prefecture_code, level, method, day, candidates, passed, issued, revoked FROM new_rows
          UNION ALL SELECT prefecture_code, level, method, day, -candidates AS candidates, -passed AS passed, -issued AS issued, -revoked AS revoked FROM old_rows) d
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.candidates) <> 0 OR sum(d.passed) <> 0 OR sum(d.issued) <> 0 OR sum(d.revoked) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT statistics_monthly_key
    DO UPDATE SET candidates = m.candidates + excluded.candidates, passed = m.passed + excluded.passed,
                  issued = m.issued + excluded.issued, revoked = m.revoked + excluded.revoked;
  ELSE
    INSERT INTO assessment.statistics_monthly AS m (prefecture_code, level, method, month, candidates, passed, issued, revoked)
    SELECT d.prefecture_code, d.level, d.method, date_trunc('month', d.day::timestamp)::date,
           sum(d.candidates), sum(d.passed), sum(d.issued), sum(d.revoked)
    FROM (SELECT prefecture_code, level, method, day, -candidates AS candidates, -passed AS passed, -issued AS issued, -revoked AS revoked FROM old_rows) d
    GROUP BY 1, 2, 3, 4
    HAVING sum(d.candidates) <> 0 OR sum(d.passed) <> 0 OR sum(d.issued) <> 0 OR sum(d.revoked) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT statistics_monthly_key
    DO UPDATE SET candidates = m.candidates + excluded.candidates, passed = m.passed + excluded.passed,
                  issued = m.issued + excluded.issued, revoked = m.revoked + excluded.revoked;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "statistics_monthly_insert" AFTER INSERT ON "assessment"."statistics_daily"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "assessment"."statistics_track_monthly"();
--> statement-breakpoint
CREATE TRIGGER "statistics_monthly_update" AFTER UPDATE ON "assessment"."statistics_daily"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "assessment"."statistics_track_monthly"();
--> statement-breakpoint
CREATE TRIGGER "statistics_monthly_delete" AFTER DELETE ON "assessment"."statistics_daily"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "assessment"."statistics_track_monthly"();
--> statement-breakpoint
-- Backfill from the daily rollup as it stands.
INSERT INTO "assessment"."statistics_monthly" (prefecture_code, level, method, month, candidates, passed, issued, revoked)
SELECT prefecture_code, level, method, date_trunc('month', day::timestamp)::date,
       sum(candidates), sum(passed), sum(issued), sum(revoked)
FROM "assessment"."statistics_daily"
GROUP BY 1, 2, 3, 4;
