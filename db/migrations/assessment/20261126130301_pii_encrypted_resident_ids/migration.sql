-- Resident IDs leave the clear char(18) columns for AES-256-GCM ciphertext and an HMAC lookup hash
-- (db/src/pii.ts). Encryption needs the hub's keys and AES-GCM, which SQL here cannot do (pgcrypto
-- has no GCM mode, and the keys live outside the database), so this migration only runs on a database holding no
-- workers or certificates yet; an older development database is recreated (README: "Personal data").
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "assessment"."workers") OR EXISTS (SELECT 1 FROM "assessment"."certificates") THEN
    RAISE EXCEPTION 'this database holds resident IDs in clear, which the encryption migration cannot convert in SQL: recreate it (PGlite: delete .data/pglite; PostgreSQL: a new database), then pnpm hub migrate and pnpm hub seed';
  END IF;
END $$;
--> statement-breakpoint
ALTER TABLE "assessment"."certificates" ADD COLUMN "holder_resident_id_enc" bytea NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment"."certificates" ADD COLUMN "holder_resident_id_hmac" bytea NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment"."workers" ADD COLUMN "resident_id_enc" bytea NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment"."workers" ADD COLUMN "resident_id_hmac" bytea NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment"."certificates" DROP COLUMN "holder_resident_id";--> statement-breakpoint
ALTER TABLE "assessment"."workers" DROP COLUMN "resident_id";--> statement-breakpoint
CREATE INDEX "certificates_holder_idx" ON "assessment"."certificates" ("holder_resident_id_hmac");--> statement-breakpoint
CREATE UNIQUE INDEX "workers_institution_resident_key" ON "assessment"."workers" ("institution_id","resident_id_hmac");