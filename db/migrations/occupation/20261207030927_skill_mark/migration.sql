ALTER TABLE "occupation"."occupations" ADD COLUMN "skill_override" boolean;--> statement-breakpoint
ALTER TABLE "occupation"."occupations" ADD COLUMN "skill_override_reason" text;--> statement-breakpoint
ALTER TABLE "occupation"."occupations" ADD COLUMN "skill_override_by" text;--> statement-breakpoint
ALTER TABLE "occupation"."occupations" ADD COLUMN "skill_override_role" text;--> statement-breakpoint
ALTER TABLE "occupation"."occupations" ADD COLUMN "skill_override_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "occupation"."occupations" ADD COLUMN "is_skill" boolean GENERATED ALWAYS AS (coalesce(skill_override, left(code, 2) in ('3-', '4-', '5-', '6-'))) STORED;