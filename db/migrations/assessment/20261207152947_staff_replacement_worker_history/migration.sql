CREATE TYPE "assessment"."worker_record_field" AS ENUM('NAME', 'EMPLOYED_SINCE', 'EMPLOYMENT_ENDED', 'DISPATCHED', 'EMPLOYER');--> statement-breakpoint
ALTER TYPE "assessment"."plan_change_kind" ADD VALUE 'STAFF_REPLACED';--> statement-breakpoint
CREATE TABLE "assessment"."worker_record_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"worker_id" uuid NOT NULL,
	"field" "assessment"."worker_record_field" NOT NULL,
	"previous_value" text,
	"new_value" text,
	"changed_on" date NOT NULL,
	"changed_by" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment"."plan_changes" ADD COLUMN "replaced_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment"."plan_changes" ADD COLUMN "replacement_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment"."workers" ADD COLUMN "employment_ended_on" date;--> statement-breakpoint
CREATE INDEX "worker_record_changes_worker_idx" ON "assessment"."worker_record_changes" ("worker_id","created_at");--> statement-breakpoint
ALTER TABLE "assessment"."plan_changes" ADD CONSTRAINT "plan_changes_replaced_staff_id_assessors_id_fkey" FOREIGN KEY ("replaced_staff_id") REFERENCES "assessment"."assessors"("id");--> statement-breakpoint
ALTER TABLE "assessment"."plan_changes" ADD CONSTRAINT "plan_changes_replacement_staff_id_assessors_id_fkey" FOREIGN KEY ("replacement_staff_id") REFERENCES "assessment"."assessors"("id");--> statement-breakpoint
ALTER TABLE "assessment"."worker_record_changes" ADD CONSTRAINT "worker_record_changes_worker_id_workers_id_fkey" FOREIGN KEY ("worker_id") REFERENCES "assessment"."workers"("id") ON DELETE CASCADE;