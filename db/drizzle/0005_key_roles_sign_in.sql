CREATE TABLE "sign_in_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_attempt_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "role" text DEFAULT 'operator' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "scopes" jsonb;--> statement-breakpoint
CREATE INDEX "sign_in_throttles_last_attempt_idx" ON "sign_in_throttles" USING btree ("last_attempt_at");--> statement-breakpoint
-- Keys made before keys had roles act as whoever made them; a key whose maker is unknown (made by
-- `omniflow api-key create`, or its maker was deleted) gets the least role, not admin.
UPDATE "api_keys" SET "role" = "users"."role" FROM "users" WHERE "users"."id" = "api_keys"."created_by";
