CREATE TABLE "report_call_rollup" (
	"workspace_id" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"flow_id" uuid,
	"flow_version" integer,
	"queue" text,
	"agent" text,
	"offered" integer NOT NULL,
	"answered" integer NOT NULL,
	"abandoned" integer NOT NULL,
	"transferred" integer NOT NULL,
	"waited_sum" double precision,
	"waited_n" integer NOT NULL,
	"handled_sum" double precision,
	"handled_n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_call_rollup_daily" (
	"workspace_id" uuid NOT NULL,
	"day_start" timestamp with time zone NOT NULL,
	"flow_id" uuid,
	"flow_version" integer,
	"queue" text,
	"agent" text,
	"offered" integer NOT NULL,
	"answered" integer NOT NULL,
	"abandoned" integer NOT NULL,
	"transferred" integer NOT NULL,
	"waited_sum" double precision,
	"waited_n" integer NOT NULL,
	"handled_sum" double precision,
	"handled_n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_message_rollup" (
	"workspace_id" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"campaign_id" uuid,
	"flow_id" uuid,
	"flow_version" integer,
	"status" text NOT NULL,
	"error_code" text,
	"messages" integer NOT NULL,
	"opened_unique" integer DEFAULT 0 NOT NULL,
	"opened_total" integer DEFAULT 0 NOT NULL,
	"clicked_unique" integer DEFAULT 0 NOT NULL,
	"clicked_total" integer DEFAULT 0 NOT NULL,
	"bounced_unique" integer DEFAULT 0 NOT NULL,
	"bounced_total" integer DEFAULT 0 NOT NULL,
	"unsubscribed_unique" integer DEFAULT 0 NOT NULL,
	"unsubscribed_total" integer DEFAULT 0 NOT NULL,
	"complained_unique" integer DEFAULT 0 NOT NULL,
	"complained_total" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_message_rollup_daily" (
	"workspace_id" uuid NOT NULL,
	"day_start" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"campaign_id" uuid,
	"flow_id" uuid,
	"flow_version" integer,
	"status" text NOT NULL,
	"error_code" text,
	"messages" integer NOT NULL,
	"opened_unique" integer DEFAULT 0 NOT NULL,
	"opened_total" integer DEFAULT 0 NOT NULL,
	"clicked_unique" integer DEFAULT 0 NOT NULL,
	"clicked_total" integer DEFAULT 0 NOT NULL,
	"bounced_unique" integer DEFAULT 0 NOT NULL,
	"bounced_total" integer DEFAULT 0 NOT NULL,
	"unsubscribed_unique" integer DEFAULT 0 NOT NULL,
	"unsubscribed_total" integer DEFAULT 0 NOT NULL,
	"complained_unique" integer DEFAULT 0 NOT NULL,
	"complained_total" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_quota_rollup" (
	"workspace_id" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"campaign_id" uuid,
	"reason" text NOT NULL,
	"delta" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_quota_rollup_daily" (
	"workspace_id" uuid NOT NULL,
	"day_start" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"campaign_id" uuid,
	"reason" text NOT NULL,
	"delta" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollup_dirty" (
	"workspace_id" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollup_state" (
	"name" text PRIMARY KEY NOT NULL,
	"rolled_up_to" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollup_zones" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"source_timezone" text,
	"timezone" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_call_rollup" ADD CONSTRAINT "report_call_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_call_rollup_daily" ADD CONSTRAINT "report_call_rollup_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_message_rollup" ADD CONSTRAINT "report_message_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_message_rollup_daily" ADD CONSTRAINT "report_message_rollup_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_quota_rollup" ADD CONSTRAINT "report_quota_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_quota_rollup_daily" ADD CONSTRAINT "report_quota_rollup_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rollup_zones" ADD CONSTRAINT "report_rollup_zones_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_call_rollup_bucket_idx" ON "report_call_rollup" USING btree ("workspace_id","bucket_start");--> statement-breakpoint
CREATE INDEX "report_call_rollup_daily_idx" ON "report_call_rollup_daily" USING btree ("workspace_id","day_start");--> statement-breakpoint
CREATE INDEX "report_message_rollup_bucket_idx" ON "report_message_rollup" USING btree ("workspace_id","bucket_start");--> statement-breakpoint
CREATE INDEX "report_message_rollup_daily_idx" ON "report_message_rollup_daily" USING btree ("workspace_id","day_start");--> statement-breakpoint
CREATE INDEX "report_quota_rollup_bucket_idx" ON "report_quota_rollup" USING btree ("workspace_id","bucket_start");--> statement-breakpoint
CREATE INDEX "report_quota_rollup_daily_idx" ON "report_quota_rollup_daily" USING btree ("workspace_id","day_start");--> statement-breakpoint
CREATE INDEX "call_records_run_idx" ON "call_records" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "quota_ledger_manual_idx" ON "quota_ledger" USING btree ("workspace_id","at") WHERE "quota_ledger"."reason" in ('top_up', 'adjustment');--> statement-breakpoint
-- Issue #17: the report rollups' dirty-bucket queue. A write to a row the reports read appends the
-- (workspace, 15-minute UTC bucket) it lands in, once per statement, read from the statement's
-- transition table: no row lock, no index, so a campaign's sends never wait on each other. The
-- rollup job (runtime/src/rollups/) deletes the rows it saw and re-rolls those buckets; a write
-- still in flight keeps its own row, so its bucket is re-rolled on the next pass.
CREATE FUNCTION report_rollup_bucket(at timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT timestamptz 'epoch' + floor(extract(epoch from at) / 900) * interval '15 minutes'
$$;
--> statement-breakpoint
CREATE FUNCTION report_rollup_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'messages' THEN
    INSERT INTO report_rollup_dirty (workspace_id, bucket_start)
      SELECT DISTINCT workspace_id, report_rollup_bucket(created_at) FROM changed_rows;
  ELSIF TG_TABLE_NAME = 'call_records' THEN
    INSERT INTO report_rollup_dirty (workspace_id, bucket_start)
      SELECT DISTINCT workspace_id, report_rollup_bucket(started_at) FROM changed_rows;
  ELSIF TG_TABLE_NAME = 'quota_ledger' THEN
    INSERT INTO report_rollup_dirty (workspace_id, bucket_start)
      SELECT DISTINCT workspace_id, report_rollup_bucket(at) FROM changed_rows;
  ELSIF TG_TABLE_NAME = 'email_events' THEN
    -- An open or a click changes its mail's figures, in the bucket the mail was sent in.
    INSERT INTO report_rollup_dirty (workspace_id, bucket_start)
      SELECT DISTINCT m.workspace_id, report_rollup_bucket(m.created_at)
      FROM changed_rows e JOIN messages m ON m.id = e.message_id;
  ELSIF TG_TABLE_NAME = 'run_steps' THEN
    -- A call's queue and wait come from its agent-queue step, written after the call began.
    INSERT INTO report_rollup_dirty (workspace_id, bucket_start)
      SELECT DISTINCT cr.workspace_id, report_rollup_bucket(cr.started_at)
      FROM changed_rows s JOIN call_records cr ON cr.run_id = s.run_id
      WHERE s.node_type = 'voice.enqueue';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER messages_report_rollup_insert AFTER INSERT ON messages
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER messages_report_rollup_update AFTER UPDATE ON messages
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER call_records_report_rollup_insert AFTER INSERT ON call_records
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER call_records_report_rollup_update AFTER UPDATE ON call_records
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER quota_ledger_report_rollup_insert AFTER INSERT ON quota_ledger
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER email_events_report_rollup_insert AFTER INSERT ON email_events
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER run_steps_report_rollup_insert AFTER INSERT ON run_steps
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER run_steps_report_rollup_update AFTER UPDATE ON run_steps
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_dirty();
