-- Every existing person becomes a member of their workspace with the role they had.
INSERT INTO "workspace_members" ("workspace_id", "user_id", "role", "created_at")
SELECT "workspace_id", "id", "role", "created_at" FROM "users"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- users.workspace_id/role stay the person's home workspace and role there: whatever writes them
-- (the first admin, an invitation, a change of role) is mirrored into the membership, so sign-in,
-- which reads only workspace_members, sees it.
CREATE OR REPLACE FUNCTION "workspace_members_follow_user"() RETURNS trigger AS $$
BEGIN
  INSERT INTO "workspace_members" ("workspace_id", "user_id", "role")
  VALUES (NEW."workspace_id", NEW."id", NEW."role")
  ON CONFLICT ("workspace_id", "user_id") DO UPDATE SET "role" = EXCLUDED."role";
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER "users_home_membership"
AFTER INSERT OR UPDATE OF "workspace_id", "role" ON "users"
FOR EACH ROW EXECUTE FUNCTION "workspace_members_follow_user"();
