ALTER TABLE "assessment"."candidates" ADD COLUMN "application" jsonb;--> statement-breakpoint
ALTER TABLE "assessment"."candidates" ADD COLUMN "condition_override" jsonb;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "standard" jsonb;--> statement-breakpoint
ALTER TABLE "assessment"."work_schemes" ADD COLUMN "conditions" jsonb DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment"."work_schemes" ADD COLUMN "method_standards" jsonb DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment"."work_schemes" ADD COLUMN "committee_min_members" smallint;--> statement-breakpoint
ALTER TABLE "assessment"."work_schemes" ADD COLUMN "review_defence_panel_min" smallint;