-- 审计日志 without clear resident IDs (issue #26 point 3): the one sanctioned exception to append-only.
-- Rows written before this migration may hold a resident ID (公民身份号码) in clear: target_ids took
-- the residentId argument of registerWorker, even for an anonymous refused call. Every resident-ID
-- shape (15 to 18 characters, digits, the last may be X, beside no other digit) in every text column of such rows is
-- masked as the hub masks it elsewhere (all but the first 3 and last 2 characters become *).
-- Masked, not hashed like new rows (rid:<HMAC>): the lookup key lives outside the database.
-- The append-only trigger is disabled inside one DO statement, which is atomic (any failure undoes
-- the DISABLE too) and holds the table's exclusive lock until the migration commits; the statement
-- then records an audit event saying what it rewrote.
CREATE FUNCTION "audit"."mask_resident_ids"(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  len int;
BEGIN
  IF t IS NULL THEN
    RETURN NULL;
  END IF;
  -- Longest first, as the hub's pattern is greedy: 43010219900101001X is one 18-character ID.
  FOR len IN REVERSE 18..15 LOOP
    t := regexp_replace(
      t,
      '(?<![0-9])([0-9]{3})[0-9]{' || (len - 5) || '}([0-9][0-9Xx])(?![0-9])',
      '\1' || repeat('*', len - 5) || '\2',
      'g'
    );
  END LOOP;
  RETURN t;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "audit"."mask_resident_ids"(j jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN CASE jsonb_typeof(j)
    WHEN 'object' THEN coalesce(
      (SELECT jsonb_object_agg("audit"."mask_resident_ids"(e.key), "audit"."mask_resident_ids"(e.value)) FROM jsonb_each(j) e),
      '{}'::jsonb)
    WHEN 'array' THEN coalesce(
      (SELECT jsonb_agg("audit"."mask_resident_ids"(e.value) ORDER BY e.n) FROM jsonb_array_elements(j) WITH ORDINALITY e(value, n)),
      '[]'::jsonb)
    WHEN 'string' THEN to_jsonb("audit"."mask_resident_ids"(j #>> '{}'))
    -- An 18-digit number is a resident ID sent where a number was asked for: masked, as text.
    WHEN 'number' THEN CASE WHEN "audit"."mask_resident_ids"(j::text) = j::text THEN j
                            ELSE to_jsonb("audit"."mask_resident_ids"(j::text)) END
    ELSE j
  END;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  rewritten bigint;
BEGIN
  ALTER TABLE "audit"."events" DISABLE TRIGGER "events_no_update_delete";
  UPDATE "audit"."events" SET
    "operation_name" = "audit"."mask_resident_ids"("operation_name"),
    "field" = "audit"."mask_resident_ids"("field"),
    "sub" = "audit"."mask_resident_ids"("sub"),
    "prefecture" = "audit"."mask_resident_ids"("prefecture"),
    "request_id" = "audit"."mask_resident_ids"("request_id"),
    "codes" = ARRAY(SELECT "audit"."mask_resident_ids"(c) FROM unnest("codes") WITH ORDINALITY u(c, n) ORDER BY n),
    "target_ids" = ARRAY(SELECT "audit"."mask_resident_ids"(t) FROM unnest("target_ids") WITH ORDINALITY u(t, n) ORDER BY n),
    "args" = "audit"."mask_resident_ids"("args")
  WHERE concat_ws(' ', "operation_name", "field", "sub", "prefecture", "request_id",
                  array_to_string("codes", ' '), array_to_string("target_ids", ' '), "args"::text)
        ~ '(?<![0-9])[0-9]{14,17}[0-9Xx](?![0-9])';
  GET DIAGNOSTICS rewritten = ROW_COUNT;
  ALTER TABLE "audit"."events" ENABLE TRIGGER "events_no_update_delete";
  INSERT INTO "audit"."events" ("service", "operation_name", "field", "role", "sub", "outcome", "codes", "args")
  VALUES (
    'db',
    '20261207004555_audit_personal_data_at_rest',
    'migration',
    'admin',
    current_user,
    'OK',
    ARRAY['APPEND_ONLY_EXCEPTION'],
    jsonb_build_object(
      'rowsRewritten', rewritten,
      'change', 'resident-ID shapes masked in every text column (first 3 and last 2 characters kept)',
      'why', 'issue #26: no clear personal data at rest outside its encrypted column'
    )
  );
END;
$$;
--> statement-breakpoint
DROP FUNCTION "audit"."mask_resident_ids"(jsonb);
--> statement-breakpoint
DROP FUNCTION "audit"."mask_resident_ids"(text);
