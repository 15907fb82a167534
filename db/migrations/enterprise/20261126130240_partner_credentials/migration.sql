CREATE TABLE "enterprise"."partner_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"can_write" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revoked_reason" text,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "partner_credentials_enterprise_idx" ON "enterprise"."partner_credentials" ("enterprise_id","id");--> statement-breakpoint
ALTER TABLE "enterprise"."partner_credentials" ADD CONSTRAINT "partner_credentials_enterprise_id_enterprises_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"."enterprises"("id");