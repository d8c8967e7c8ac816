CREATE TABLE "report_ivr_rollup" (
	"workspace_id" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"flow_id" uuid,
	"flow_version" integer,
	"node_id" text NOT NULL,
	"port" text,
	"steps" integer NOT NULL,
	"step_ms" double precision,
	"step_timed" integer NOT NULL,
	"calls" integer NOT NULL,
	"call_ms" double precision
);
--> statement-breakpoint
CREATE TABLE "report_ivr_rollup_daily" (
	"workspace_id" uuid NOT NULL,
	"day_start" timestamp with time zone NOT NULL,
	"flow_id" uuid,
	"flow_version" integer,
	"node_id" text NOT NULL,
	"port" text,
	"steps" integer NOT NULL,
	"step_ms" double precision,
	"step_timed" integer NOT NULL,
	"calls" integer NOT NULL,
	"call_ms" double precision
);
--> statement-breakpoint
ALTER TABLE "report_ivr_rollup" ADD CONSTRAINT "report_ivr_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_ivr_rollup_daily" ADD CONSTRAINT "report_ivr_rollup_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_ivr_rollup_bucket_idx" ON "report_ivr_rollup" USING btree ("workspace_id","bucket_start");--> statement-breakpoint
CREATE INDEX "report_ivr_rollup_daily_idx" ON "report_ivr_rollup_daily" USING btree ("workspace_id","day_start");--> statement-breakpoint
-- Issue #17: the IVR rollup counts a menu step in the bucket it was entered in, and a call in the
-- bucket of its first menu step, with the call's flow from its call record. So a menu step written
-- or changed re-rolls the buckets of all its call's menu steps (a later exit lengthens the call's
-- time in the IVR, counted at its first step), and a call record does the same for its menu steps.
CREATE OR REPLACE FUNCTION report_rollup_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'messages' THEN
    INSERT INTO report_rollup_dirty (workspace_id, bucket_start)
      SELECT DISTINCT workspace_id, report_rollup_bucket(created_at) FROM changed_rows;
  ELSIF TG_TABLE_NAME = 'call_records' THEN
    INSERT INTO report_rollup_dirty (workspace_id, bucket_start)
      SELECT workspace_id, report_rollup_bucket(started_at) FROM changed_rows
      UNION
      SELECT s.workspace_id, report_rollup_bucket(s.entered_at)
      FROM changed_rows cr JOIN run_steps s ON s.run_id = cr.run_id
      WHERE s.node_type = 'voice.menu';
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
      SELECT cr.workspace_id, report_rollup_bucket(cr.started_at)
      FROM changed_rows s JOIN call_records cr ON cr.run_id = s.run_id
      WHERE s.node_type = 'voice.enqueue'
      UNION
      SELECT m.workspace_id, report_rollup_bucket(m.entered_at)
      FROM (SELECT DISTINCT run_id FROM changed_rows WHERE node_type = 'voice.menu') s
        JOIN run_steps m ON m.run_id = s.run_id AND m.node_type = 'voice.menu';
  END IF;
  RETURN NULL;
END;
$$;
