CREATE TABLE "workspace_webhooks" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret_sealed" text NOT NULL,
	"key_id" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "timezone" text;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "run_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "workspace_webhooks" ADD CONSTRAINT "workspace_webhooks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_api_queued_idx" ON "messages" USING btree ("created_at") WHERE "messages"."status" = 'queued' and "messages"."direction" = 'outbound' and "messages"."run_id" is null and "messages"."idempotency_key" like 'api:%';--> statement-breakpoint
CREATE INDEX "campaigns_parent_idx" ON "campaigns" USING btree ("parent_id") WHERE "campaigns"."parent_id" is not null;