-- The change feed is append-only: an event, once committed, is what every partner reads at its
-- position, for good. Deliveries and webhooks change; events never do.
CREATE FUNCTION "feed"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'feed.events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "events_no_update_delete" BEFORE UPDATE OR DELETE ON "feed"."events"
  FOR EACH ROW EXECUTE FUNCTION "feed"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "events_no_truncate" BEFORE TRUNCATE ON "feed"."events"
  FOR EACH STATEMENT EXECUTE FUNCTION "feed"."refuse_change"();
