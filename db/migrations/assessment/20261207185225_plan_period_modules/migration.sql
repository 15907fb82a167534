ALTER TYPE "assessment"."evaluation_method" ADD VALUE 'PROCESS_ASSESSMENT';--> statement-breakpoint
ALTER TYPE "assessment"."evaluation_method" ADD VALUE 'MODULAR_ASSESSMENT';--> statement-breakpoint
ALTER TYPE "assessment"."evaluation_method" ADD VALUE 'PERFORMANCE_REVIEW';--> statement-breakpoint
CREATE TABLE "assessment"."module_scores" (
	"candidate_id" uuid,
	"module_id" uuid,
	"assessor_id" uuid,
	"score" numeric(5,2) NOT NULL,
	"assessed_on" date NOT NULL,
	"recorded_on" date NOT NULL,
	CONSTRAINT "module_scores_pkey" PRIMARY KEY("candidate_id","module_id","assessor_id"),
	CONSTRAINT "module_scores_range" CHECK ("score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "assessment"."plan_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"plan_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"weight" smallint NOT NULL,
	"pass_mark" smallint NOT NULL,
	CONSTRAINT "plan_modules_position_key" UNIQUE("plan_id","position"),
	CONSTRAINT "plan_modules_name_key" UNIQUE("plan_id","name")
);
--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD COLUMN "period_ends_on" date;--> statement-breakpoint
CREATE INDEX "module_scores_module_idx" ON "assessment"."module_scores" ("module_id");--> statement-breakpoint
ALTER TABLE "assessment"."module_scores" ADD CONSTRAINT "module_scores_candidate_id_candidates_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "assessment"."candidates"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."module_scores" ADD CONSTRAINT "module_scores_module_id_plan_modules_id_fkey" FOREIGN KEY ("module_id") REFERENCES "assessment"."plan_modules"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."module_scores" ADD CONSTRAINT "module_scores_assessor_id_assessors_id_fkey" FOREIGN KEY ("assessor_id") REFERENCES "assessment"."assessors"("id");--> statement-breakpoint
ALTER TABLE "assessment"."plan_modules" ADD CONSTRAINT "plan_modules_plan_id_evaluation_plans_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "assessment"."evaluation_plans"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."evaluation_plans" ADD CONSTRAINT "evaluation_plans_period_order" CHECK ("period_ends_on" is null or "period_ends_on" >= "evaluation_date");