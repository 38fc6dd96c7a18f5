-- DropIndex
DROP INDEX "Membership_workspaceId_createdAt_idx";

-- DropIndex
DROP INDEX "Membership_workspaceId_lastActiveAt_idx";

-- DropIndex
DROP INDEX "Membership_workspaceId_role_idx";

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "searchEmail" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Membership_workspaceId_searchName_id_idx" ON "Membership"("workspaceId", "searchName", "id");

-- CreateIndex
CREATE INDEX "Membership_workspaceId_searchEmail_id_idx" ON "Membership"("workspaceId", "searchEmail", "id");

-- CreateIndex
CREATE INDEX "Membership_workspaceId_role_searchName_id_idx" ON "Membership"("workspaceId", "role", "searchName", "id");

-- CreateIndex
CREATE INDEX "Membership_workspaceId_createdAt_id_idx" ON "Membership"("workspaceId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Membership_workspaceId_lastActiveAt_id_idx" ON "Membership"("workspaceId", "lastActiveAt", "id");

-- The members list's sort and search keys, copied from User and kept true by the
-- database itself, whichever code path creates a membership or renames a user.
CREATE FUNCTION "membership_directory_fill"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT lower(u."firstName" || ' ' || u."lastName"), lower(u."email")
    INTO NEW."searchName", NEW."searchEmail"
    FROM "User" u WHERE u."id" = NEW."userId";
  RETURN NEW;
END;
$$;

CREATE TRIGGER "membership_directory_fill"
  BEFORE INSERT OR UPDATE OF "userId" ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "membership_directory_fill"();

CREATE FUNCTION "user_directory_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Membership"
     SET "searchName" = lower(NEW."firstName" || ' ' || NEW."lastName"), "searchEmail" = lower(NEW."email")
   WHERE "userId" = NEW."id";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "user_directory_sync"
  AFTER UPDATE OF "firstName", "lastName", "email" ON "User"
  FOR EACH ROW EXECUTE FUNCTION "user_directory_sync"();

-- Existing memberships.
UPDATE "Membership" m
   SET "searchName" = lower(u."firstName" || ' ' || u."lastName"), "searchEmail" = lower(u."email")
  FROM "User" u
 WHERE u."id" = m."userId";
