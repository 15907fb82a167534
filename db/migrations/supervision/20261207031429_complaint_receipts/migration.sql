ALTER TABLE "supervision"."complaints" ADD COLUMN "receipt_number" text;--> statement-breakpoint
ALTER TABLE "supervision"."complaints" ADD COLUMN "check_code_hash" text;--> statement-breakpoint
ALTER TABLE "supervision"."complaints" ADD COLUMN "handling_due_on" date;--> statement-breakpoint
ALTER TABLE "supervision"."complaints" ADD COLUMN "handled_on" date;--> statement-breakpoint
-- Complaints taken before receipts: a readable number in order of receipt, the default 30-day period.
UPDATE "supervision"."complaints" c SET
  "receipt_number" = 'TS' || to_char(c."received_on", 'YYYYMMDD') || lpad(n.seq::text, 4, '0'),
  "handling_due_on" = c."received_on" + 30,
  "handled_on" = CASE WHEN c."status" IN ('DISMISSED', 'CONVERTED') THEN coalesce(c."triaged_at"::date, c."received_on") END
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "received_on" ORDER BY "received_at", "id") AS seq
  FROM "supervision"."complaints"
) n
WHERE n."id" = c."id";--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_receipt_number_key" ON "supervision"."complaints" ("receipt_number");--> statement-breakpoint
CREATE INDEX "complaints_due_idx" ON "supervision"."complaints" ("handling_due_on");