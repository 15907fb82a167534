CREATE TYPE "assessment"."examined_material_kind" AS ENUM('EXAM_PAPER', 'ITEM_BANK', 'EVALUATION_FORM');--> statement-breakpoint
CREATE TABLE "assessment"."examined_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"plan_id" uuid NOT NULL,
	"kind" "assessment"."examined_material_kind" NOT NULL,
	"part" "assessment"."score_part",
	"level" smallint NOT NULL,
	"reference" text NOT NULL,
	"version" text NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "examined_materials_plan_part_key" UNIQUE NULLS NOT DISTINCT("plan_id","part")
);
--> statement-breakpoint
ALTER TABLE "assessment"."examined_materials" ADD CONSTRAINT "examined_materials_plan_id_evaluation_plans_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "assessment"."evaluation_plans"("id") ON DELETE CASCADE;