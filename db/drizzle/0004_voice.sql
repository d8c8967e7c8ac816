CREATE TABLE "call_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"call_id" text NOT NULL,
	"driver" text NOT NULL,
	"run_id" uuid,
	"flow_id" uuid,
	"from_number" text NOT NULL,
	"to_number" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration_ms" integer,
	"path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"digits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hangup_side" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"call_record_id" uuid,
	"run_id" uuid,
	"flow_id" uuid,
	"node_id" text,
	"from_number" text NOT NULL,
	"to_number" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text DEFAULT 'audio/wav' NOT NULL,
	"bytes" bigint NOT NULL,
	"duration_ms" integer NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "recordings_quota_bytes" bigint DEFAULT 250000000000 NOT NULL;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_call_record_id_call_records_id_fk" FOREIGN KEY ("call_record_id") REFERENCES "public"."call_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_records_call_unique" ON "call_records" USING btree ("workspace_id","driver","call_id");--> statement-breakpoint
CREATE INDEX "call_records_workspace_idx" ON "call_records" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE INDEX "call_records_from_idx" ON "call_records" USING btree ("workspace_id","from_number","id");--> statement-breakpoint
CREATE INDEX "call_records_to_idx" ON "call_records" USING btree ("workspace_id","to_number","id");--> statement-breakpoint
CREATE INDEX "call_records_started_idx" ON "call_records" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE INDEX "call_records_flow_idx" ON "call_records" USING btree ("workspace_id","flow_id","id") WHERE "call_records"."flow_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "recordings_idempotency_unique" ON "recordings" USING btree ("workspace_id","idempotency_key") WHERE "recordings"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "recordings_workspace_idx" ON "recordings" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE INDEX "recordings_from_idx" ON "recordings" USING btree ("workspace_id","from_number","id");--> statement-breakpoint
CREATE INDEX "recordings_to_idx" ON "recordings" USING btree ("workspace_id","to_number","id");--> statement-breakpoint
CREATE INDEX "recordings_created_idx" ON "recordings" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "recordings_flow_idx" ON "recordings" USING btree ("workspace_id","flow_id","id") WHERE "recordings"."flow_id" is not null;--> statement-breakpoint
CREATE INDEX "recordings_call_idx" ON "recordings" USING btree ("call_record_id") WHERE "recordings"."call_record_id" is not null;