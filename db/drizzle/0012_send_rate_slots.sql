CREATE TABLE "send_rate_slots" (
	"account_key" text PRIMARY KEY NOT NULL,
	"next_free_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "flow_version" integer;