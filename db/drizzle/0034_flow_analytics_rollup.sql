CREATE TABLE "flow_analytics_dirty" (
	"workspace_id" uuid NOT NULL,
	"flow_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flow_analytics_dirty_pkey" PRIMARY KEY("flow_id","version","bucket")
);
--> statement-breakpoint
CREATE TABLE "flow_analytics_rollup" (
	"workspace_id" uuid NOT NULL,
	"flow_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"node_id" text DEFAULT '' NOT NULL,
	"port" text DEFAULT '' NOT NULL,
	"status" text DEFAULT '' NOT NULL,
	"nodes" text[] DEFAULT '{}'::text[] NOT NULL,
	"node_type" text,
	"n" bigint DEFAULT 0 NOT NULL,
	"runs" bigint DEFAULT 0 NOT NULL,
	"seconds" numeric DEFAULT '0' NOT NULL,
	"timed" bigint DEFAULT 0 NOT NULL,
	"delivered" bigint DEFAULT 0 NOT NULL,
	"read" bigint DEFAULT 0 NOT NULL,
	"replied" bigint DEFAULT 0 NOT NULL,
	"failed" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "flow_analytics_rollup_pkey" PRIMARY KEY("flow_id","version","bucket","kind","node_id","port","status","nodes")
);
--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "analytics_rolled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "flow_analytics_dirty" ADD CONSTRAINT "flow_analytics_dirty_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_analytics_rollup" ADD CONSTRAINT "flow_analytics_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_analytics_rollup" ADD CONSTRAINT "flow_analytics_rollup_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "runs_analytics_pending_idx" ON "runs" USING btree ("flow_id","version","id") WHERE "runs"."analytics_rolled_at" is null;--> statement-breakpoint
-- Issue #17: the 15-minute UTC bucket a run belongs to, from its uuid v7 id (the analytics pick
-- runs by id range, so the bucket must come from the id, not from started_at).
CREATE FUNCTION flow_analytics_bucket(run_id uuid) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_timestamp(((('x' || substr(replace(run_id::text, '-', ''), 1, 12))::bit(48)::bigint / 900000) * 900)::double precision)
$$;
--> statement-breakpoint
-- A rolled-up run changed (a receipt, an open, a reply, a retried run): its bucket is read live
-- and rolled up again (runtime/src/analytics/flow-analytics-rollup.ts). The run row is locked
-- FOR SHARE whether rolled up or not: a rollup taking the run in waits for this change to commit
-- (and then reads it), or this waits for the rollup and then sees the run rolled up and marks it.
CREATE FUNCTION flow_analytics_mark_run(changed uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO flow_analytics_dirty (workspace_id, flow_id, version, bucket)
  SELECT r.workspace_id, r.flow_id, r.version, flow_analytics_bucket(r.id)
  FROM (SELECT workspace_id, flow_id, version, id, analytics_rolled_at FROM runs
        WHERE id = changed FOR SHARE) r
  WHERE r.analytics_rolled_at IS NOT NULL
  ON CONFLICT DO NOTHING
$$;
--> statement-breakpoint
CREATE FUNCTION flow_analytics_message_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM flow_analytics_mark_run(NEW.run_id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER flow_analytics_message_added AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.run_id IS NOT NULL) EXECUTE FUNCTION flow_analytics_message_changed();
--> statement-breakpoint
CREATE TRIGGER flow_analytics_message_status AFTER UPDATE ON messages
  FOR EACH ROW WHEN (NEW.run_id IS NOT NULL AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.run_id IS DISTINCT FROM NEW.run_id))
  EXECUTE FUNCTION flow_analytics_message_changed();
--> statement-breakpoint
CREATE FUNCTION flow_analytics_email_opened() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM flow_analytics_mark_run(m.run_id) FROM messages m WHERE m.id = NEW.message_id AND m.run_id IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER flow_analytics_email_open AFTER INSERT ON email_events
  FOR EACH ROW WHEN (NEW.type = 'open' AND NOT NEW.proxy) EXECUTE FUNCTION flow_analytics_email_opened();
--> statement-breakpoint
CREATE FUNCTION flow_analytics_run_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO flow_analytics_dirty (workspace_id, flow_id, version, bucket)
  VALUES (NEW.workspace_id, NEW.flow_id, NEW.version, flow_analytics_bucket(NEW.id))
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A rolled-up run whose status changes (a retry from a step reopens it); the rollup job's own
-- updates leave the status as it is.
CREATE TRIGGER flow_analytics_run_status AFTER UPDATE ON runs
  FOR EACH ROW WHEN (OLD.analytics_rolled_at IS NOT NULL AND OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION flow_analytics_run_changed();
