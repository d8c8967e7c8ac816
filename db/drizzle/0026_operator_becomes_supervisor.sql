-- Roles became the six of the permission matrix (runtime/src/auth/permissions.ts): an operator
-- watched and replayed runs, which is what a supervisor does.
UPDATE "users" SET "role" = 'supervisor' WHERE "role" = 'operator';--> statement-breakpoint
UPDATE "api_keys" SET "role" = 'supervisor' WHERE "role" = 'operator';--> statement-breakpoint
UPDATE "oauth_clients" SET "role" = 'supervisor' WHERE "role" = 'operator';--> statement-breakpoint
UPDATE "invitations" SET "role" = 'supervisor' WHERE "role" = 'operator';--> statement-breakpoint
UPDATE "workspace_members" SET "role" = 'supervisor' WHERE "role" = 'operator';
