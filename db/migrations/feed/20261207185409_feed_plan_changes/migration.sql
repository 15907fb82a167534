ALTER TYPE "feed"."feed_event_type" ADD VALUE 'PLAN_RESCHEDULED' BEFORE 'CANDIDATE_RESULT_DETERMINED';--> statement-breakpoint
ALTER TYPE "feed"."feed_event_type" ADD VALUE 'PLAN_CANCELLED' BEFORE 'CANDIDATE_RESULT_DETERMINED';--> statement-breakpoint
ALTER TYPE "feed"."feed_event_type" ADD VALUE 'CANDIDATE_WITHDRAWN';