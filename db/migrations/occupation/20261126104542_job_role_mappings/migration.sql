CREATE TYPE "occupation"."job_role_mapping_status" AS ENUM('PROPOSED', 'CONFIRMED', 'REJECTED');--> statement-breakpoint
CREATE TABLE "occupation"."index_revisions" (
	"name" text PRIMARY KEY,
	"revision" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupation"."job_role_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"enterprise_id" uuid NOT NULL,
	"role_name" text NOT NULL,
	"role_description" text,
	"occupation_code" text NOT NULL,
	"work_type_code" text,
	"status" "occupation"."job_role_mapping_status" DEFAULT 'PROPOSED'::"occupation"."job_role_mapping_status" NOT NULL,
	"match_score" real,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" text,
	"reviewer_role" text,
	"reviewed_at" timestamp with time zone,
	"review_reason" text
);
--> statement-breakpoint
ALTER TABLE "occupation"."work_types" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "occupation"."work_types" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "job_role_mappings_enterprise_idx" ON "occupation"."job_role_mappings" ("enterprise_id","proposed_at");--> statement-breakpoint
CREATE INDEX "job_role_mappings_status_idx" ON "occupation"."job_role_mappings" ("status","proposed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "job_role_mappings_open_role_key" ON "occupation"."job_role_mappings" ("enterprise_id","role_name") WHERE "status" <> 'REJECTED';--> statement-breakpoint
CREATE UNIQUE INDEX "work_types_occupation_name_key" ON "occupation"."work_types" ("occupation_code","name");--> statement-breakpoint
ALTER TABLE "occupation"."job_role_mappings" ADD CONSTRAINT "job_role_mappings_occupation_code_occupations_code_fkey" FOREIGN KEY ("occupation_code") REFERENCES "occupation"."occupations"("code");--> statement-breakpoint
ALTER TABLE "occupation"."job_role_mappings" ADD CONSTRAINT "job_role_mappings_work_type_code_work_types_code_fkey" FOREIGN KEY ("work_type_code") REFERENCES "occupation"."work_types"("code");