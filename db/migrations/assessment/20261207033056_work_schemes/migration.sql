CREATE TABLE "assessment"."work_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"institution_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"adopted_on" date NOT NULL,
	"assessor_counts" jsonb DEFAULT '{}' NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_schemes_version_key" UNIQUE("institution_id","version")
);
