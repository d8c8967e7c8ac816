CREATE TABLE "bulk_job_items" (
	"job_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"new_run_id" uuid,
	"plan" jsonb,
	"error" text,
	CONSTRAINT "bulk_job_items_pkey" PRIMARY KEY("job_id","run_id")
);
--> statement-breakpoint
CREATE TABLE "bulk_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"action" text NOT NULL,
	"filter" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"succeeded" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_events" (
	"workspace_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"data" jsonb,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "run_events_pkey" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "run_retention_days" integer DEFAULT 45 NOT NULL;--> statement-breakpoint
ALTER TABLE "run_steps" ADD COLUMN "temporal_run_id" text;--> statement-breakpoint
ALTER TABLE "run_steps" ADD COLUMN "wft_event_id" integer;--> statement-breakpoint
ALTER TABLE "run_steps" ADD COLUMN "attempts" integer;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "failed_node_id" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "contact" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "rerun_of" uuid;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "details_expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "summary" jsonb;--> statement-breakpoint
ALTER TABLE "bulk_job_items" ADD CONSTRAINT "bulk_job_items_job_id_bulk_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."bulk_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_job_items_state_idx" ON "bulk_job_items" USING btree ("job_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "bulk_jobs_idempotency_unique" ON "bulk_jobs" USING btree ("workspace_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_rerun_of_runs_id_fk" FOREIGN KEY ("rerun_of") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "runs_workspace_status_idx" ON "runs" USING btree ("workspace_id","status","id");--> statement-breakpoint
CREATE INDEX "runs_flow_version_idx" ON "runs" USING btree ("flow_id","version","id");--> statement-breakpoint
CREATE INDEX "runs_contact_idx" ON "runs" USING btree ("workspace_id","contact","id") WHERE "runs"."contact" is not null;--> statement-breakpoint
CREATE INDEX "runs_failed_node_idx" ON "runs" USING btree ("flow_id","failed_node_id","id") WHERE "runs"."failed_node_id" is not null;--> statement-breakpoint
CREATE INDEX "runs_rerun_of_idx" ON "runs" USING btree ("rerun_of") WHERE "runs"."rerun_of" is not null;--> statement-breakpoint
CREATE INDEX "runs_retention_idx" ON "runs" USING btree ("workspace_id","ended_at") WHERE "runs"."details_expired_at" is null and "runs"."ended_at" is not null;