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
CREATE INDEX "report_ivr_rollup_daily_idx" ON "report_ivr_rollup_daily" USING btree ("workspace_id","day_start");