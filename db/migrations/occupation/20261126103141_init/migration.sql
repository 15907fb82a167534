CREATE SCHEMA "occupation";
--> statement-breakpoint
CREATE TABLE "occupation"."occupations" (
	"code" text PRIMARY KEY,
	"name" text NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" text,
	"is_green" boolean DEFAULT false NOT NULL,
	"is_digital" boolean DEFAULT false NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"definition" text,
	"tasks" text,
	"standard_levels" smallint[] DEFAULT '{1,2,3,4,5}'::smallint[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupation"."work_types" (
	"code" text PRIMARY KEY,
	"occupation_code" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "occupations_parent_idx" ON "occupation"."occupations" ("parent_code","code");--> statement-breakpoint
CREATE INDEX "occupations_level_idx" ON "occupation"."occupations" ("level","code");--> statement-breakpoint
CREATE INDEX "work_types_occupation_idx" ON "occupation"."work_types" ("occupation_code");--> statement-breakpoint
ALTER TABLE "occupation"."work_types" ADD CONSTRAINT "work_types_occupation_code_occupations_code_fkey" FOREIGN KEY ("occupation_code") REFERENCES "occupation"."occupations"("code");