CREATE SCHEMA "feed";
--> statement-breakpoint
CREATE TYPE "feed"."delivery_outcome" AS ENUM('DELIVERED', 'FAILED');--> statement-breakpoint
CREATE TYPE "feed"."feed_event_type" AS ENUM('CERTIFICATE_ISSUED', 'CERTIFICATE_REVOKED', 'CERTIFICATE_UPLOADED', 'CERTIFICATE_CORRECTED', 'PLAN_RESULTS_REVIEWED', 'PLAN_PUBLICITY_STARTED', 'PLAN_RESULTS_SUBMITTED', 'CANDIDATE_RESULT_DETERMINED', 'CANDIDATE_RESULT_CORRECTED');--> statement-breakpoint
CREATE TYPE "feed"."feed_topic" AS ENUM('CERTIFICATE', 'PLAN', 'CANDIDATE_RESULT');--> statement-breakpoint
CREATE TYPE "feed"."webhook_status" AS ENUM('ACTIVE', 'PAUSED');--> statement-breakpoint
CREATE TABLE "feed"."events" (
	"id" bigserial PRIMARY KEY,
	"event_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"position" bigint NOT NULL,
	"topic" "feed"."feed_topic" NOT NULL,
	"type" "feed"."feed_event_type" NOT NULL,
	"subject" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed"."positions" (
	"enterprise_id" uuid PRIMARY KEY,
	"last" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed"."deliveries" (
	"id" bigserial PRIMARY KEY,
	"webhook_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"position" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"outcome" "feed"."delivery_outcome" NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed"."webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"enterprise_id" uuid NOT NULL,
	"url" text NOT NULL,
	"secret_enc" bytea NOT NULL,
	"topics" "feed"."feed_topic"[] NOT NULL,
	"description" text,
	"status" "feed"."webhook_status" DEFAULT 'ACTIVE'::"feed"."webhook_status" NOT NULL,
	"paused_reason" text,
	"paused_at" timestamp with time zone,
	"position" bigint NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_failure_at" timestamp with time zone,
	"last_error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "webhooks_topics_present" CHECK (cardinality("topics") > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "events_event_id_key" ON "feed"."events" ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_position_key" ON "feed"."events" ("enterprise_id","position");--> statement-breakpoint
CREATE INDEX "events_topic_idx" ON "feed"."events" ("enterprise_id","topic","position");--> statement-breakpoint
CREATE INDEX "deliveries_webhook_idx" ON "feed"."deliveries" ("webhook_id","id");--> statement-breakpoint
CREATE INDEX "webhooks_enterprise_idx" ON "feed"."webhooks" ("enterprise_id");--> statement-breakpoint
CREATE INDEX "webhooks_due_idx" ON "feed"."webhooks" ("next_attempt_at") WHERE "status" = 'ACTIVE' and "removed_at" is null;--> statement-breakpoint
ALTER TABLE "feed"."deliveries" ADD CONSTRAINT "deliveries_webhook_id_webhooks_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "feed"."webhooks"("id") ON DELETE CASCADE;