ALTER TABLE "api_keys" ALTER COLUMN "role" SET DEFAULT 'viewer';--> statement-breakpoint
ALTER TABLE "oauth_clients" ALTER COLUMN "role" SET DEFAULT 'viewer';