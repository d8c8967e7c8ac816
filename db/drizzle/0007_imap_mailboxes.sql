CREATE TABLE "imap_mailboxes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"security" text NOT NULL,
	"user" text NOT NULL,
	"password_sealed" text NOT NULL,
	"key_id" text NOT NULL,
	"folder" text DEFAULT 'INBOX' NOT NULL,
	"address" text NOT NULL,
	"poll_seconds" integer DEFAULT 60 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"connected_at" timestamp with time zone,
	"last_error_code" text,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"last_mail_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "imap_mailboxes" ADD CONSTRAINT "imap_mailboxes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "imap_mailboxes_account_unique" ON "imap_mailboxes" USING btree ("workspace_id","user","host","folder");