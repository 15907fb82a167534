CREATE TYPE "assessment"."committee_affiliation" AS ENUM('STAFF', 'EXTERNAL_EXPERT');--> statement-breakpoint
CREATE TYPE "assessment"."committee_role" AS ENUM('CHAIR', 'MEMBER');--> statement-breakpoint
CREATE TABLE "assessment"."committee_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" "assessment"."committee_role" NOT NULL,
	"affiliation" "assessment"."committee_affiliation" NOT NULL,
	"organization" text,
	"joined_on" date NOT NULL,
	"left_on" date,
	"leave_reason" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_members_service_order" CHECK ("left_on" is null or "left_on" >= "joined_on")
);
--> statement-breakpoint
CREATE TABLE "assessment"."result_sign_offs" (
	"plan_id" uuid,
	"member_id" uuid,
	"signed_on" date NOT NULL,
	"members_serving" smallint NOT NULL,
	CONSTRAINT "result_sign_offs_pkey" PRIMARY KEY("plan_id","member_id")
);
--> statement-breakpoint
CREATE INDEX "committee_members_institution_idx" ON "assessment"."committee_members" ("institution_id","joined_on");--> statement-breakpoint
CREATE INDEX "result_sign_offs_member_idx" ON "assessment"."result_sign_offs" ("member_id");--> statement-breakpoint
ALTER TABLE "assessment"."result_sign_offs" ADD CONSTRAINT "result_sign_offs_plan_id_evaluation_plans_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "assessment"."evaluation_plans"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "assessment"."result_sign_offs" ADD CONSTRAINT "result_sign_offs_member_id_committee_members_id_fkey" FOREIGN KEY ("member_id") REFERENCES "assessment"."committee_members"("id");