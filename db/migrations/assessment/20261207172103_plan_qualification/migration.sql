CREATE TYPE "assessment"."institution_kind" AS ENUM('ENTERPRISE_SELF_EVALUATION', 'SOCIAL_EVALUATION_ORGANIZATION');--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "qualification" "assessment"."institution_kind";--> statement-breakpoint
-- Plans reported before a plan stated its qualification ran under the kind their institution had:
-- the prefix of the certificates it already issued (S: 社会评价组织, Y: 企业自主评价); otherwise the
-- kind of the institution's latest filing confirmed by the day the plan was reported, or of its
-- latest confirmed filing at all; 企业自主评价 when it never had one.
UPDATE "assessment"."evaluation_plans" p SET "qualification" = coalesce(
  (
    SELECT CASE WHEN bool_or(left(c.number, 1) = 'S') THEN 'SOCIAL_EVALUATION_ORGANIZATION' ELSE 'ENTERPRISE_SELF_EVALUATION' END
    FROM "assessment"."certificates" c
    WHERE c.plan_id = p.id
    HAVING count(*) > 0
  ),
  (
    SELECT f.kind::text
    FROM "enterprise"."filings" f
    WHERE f.enterprise_id = p.enterprise_id AND f.confirmed_at IS NOT NULL AND f.confirmed_at <= p.created_at
    ORDER BY f.confirmed_at DESC
    LIMIT 1
  ),
  (
    SELECT f.kind::text
    FROM "enterprise"."filings" f
    WHERE f.enterprise_id = p.enterprise_id AND f.confirmed_at IS NOT NULL
    ORDER BY f.confirmed_at DESC
    LIMIT 1
  ),
  'ENTERPRISE_SELF_EVALUATION'
)::"assessment"."institution_kind";--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ALTER COLUMN "qualification" SET NOT NULL;
