CREATE TABLE "health_samples" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid,
	"component" text NOT NULL,
	"kind" text NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"interval_ms" integer NOT NULL,
	"up" boolean NOT NULL,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "sla_target_percent" double precision DEFAULT 99.8 NOT NULL;--> statement-breakpoint
CREATE INDEX "health_samples_component_idx" ON "health_samples" USING btree ("workspace_id","component","sampled_at");--> statement-breakpoint
CREATE INDEX "health_samples_sampled_idx" ON "health_samples" USING btree ("sampled_at");