CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE TYPE "audit"."audit_outcome" AS ENUM('OK', 'REFUSED', 'DENIED', 'INVALID', 'FAILED');--> statement-breakpoint
CREATE TABLE "audit"."events" (
	"id" bigserial PRIMARY KEY,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"service" text NOT NULL,
	"operation_name" text,
	"field" text NOT NULL,
	"role" text NOT NULL,
	"sub" text,
	"enterprise_id" uuid,
	"prefecture" text,
	"credential_id" uuid,
	"request_id" text,
	"outcome" "audit"."audit_outcome" NOT NULL,
	"codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"args" jsonb DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX "events_at_idx" ON "audit"."events" ("at");--> statement-breakpoint
CREATE INDEX "events_field_idx" ON "audit"."events" ("field","id");--> statement-breakpoint
CREATE INDEX "events_outcome_idx" ON "audit"."events" ("outcome","id");