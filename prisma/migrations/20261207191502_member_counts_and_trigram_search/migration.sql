-- The members list without counting or scanning every member
-- (docs/decisions/014-member-counts-and-trigram-search.md).

-- Trigram indexes for the search's LIKE '%term%'. pg_trgm is a trusted extension
-- (PostgreSQL 13+): the database's owner may create it; PGlite is built with it
-- (lib/db/pglite.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Membership_searchName_trgm_idx" ON "Membership" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Membership_searchEmail_trgm_idx" ON "Membership" USING GIN ("searchEmail" gin_trgm_ops);

-- "Last active, newest first" puts the never-active last: read forwards, this index gives
-- exactly that order (the ascending one, read backwards, would put them first).
CREATE INDEX "Membership_workspaceId_lastActiveAt_desc_id_idx" ON "Membership"("workspaceId", "lastActiveAt" DESC NULLS LAST, "id" DESC);

-- CreateTable
CREATE TABLE "MemberCount" (
    "workspaceId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "members" INTEGER NOT NULL,

    CONSTRAINT "MemberCount_pkey" PRIMARY KEY ("workspaceId","role")
);

-- AddForeignKey
ALTER TABLE "MemberCount" ADD CONSTRAINT "MemberCount_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The counts are kept by the database, in the transaction of the change, whichever code
-- path adds, removes or re-roles a membership (as the directory's keys are, decision 006).
-- Inserts and deletes are counted per statement, so a bulk insert or a workspace's cascade
-- touches each (workspace, role) row once. A workspace being deleted takes its counts with
-- it; the decrement is a plain UPDATE, so it never recreates a row for it.
CREATE FUNCTION "member_count_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MemberCount" ("workspaceId", "role", "members")
  SELECT "workspaceId", "role", count(*) FROM new_memberships GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("workspaceId", "role") DO UPDATE SET "members" = "MemberCount"."members" + EXCLUDED."members";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "member_count_insert"
  AFTER INSERT ON "Membership"
  REFERENCING NEW TABLE AS new_memberships
  FOR EACH STATEMENT EXECUTE FUNCTION "member_count_insert"();

CREATE FUNCTION "member_count_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "MemberCount" c
     SET "members" = c."members" - gone.n
    FROM (SELECT "workspaceId", "role", count(*) AS n FROM old_memberships GROUP BY 1, 2) gone
   WHERE c."workspaceId" = gone."workspaceId" AND c."role" = gone."role";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "member_count_delete"
  AFTER DELETE ON "Membership"
  REFERENCING OLD TABLE AS old_memberships
  FOR EACH STATEMENT EXECUTE FUNCTION "member_count_delete"();

-- Row by row, and only when the role or the workspace changes: the last-active stamp
-- updates memberships all day and must not touch the counts.
CREATE FUNCTION "member_count_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "MemberCount" SET "members" = "members" - 1 WHERE "workspaceId" = OLD."workspaceId" AND "role" = OLD."role";
  INSERT INTO "MemberCount" ("workspaceId", "role", "members") VALUES (NEW."workspaceId", NEW."role", 1)
  ON CONFLICT ("workspaceId", "role") DO UPDATE SET "members" = "MemberCount"."members" + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "member_count_move"
  AFTER UPDATE OF "role", "workspaceId" ON "Membership"
  FOR EACH ROW
  WHEN (OLD."role" IS DISTINCT FROM NEW."role" OR OLD."workspaceId" IS DISTINCT FROM NEW."workspaceId")
  EXECUTE FUNCTION "member_count_move"();

-- Existing memberships.
INSERT INTO "MemberCount" ("workspaceId", "role", "members")
SELECT "workspaceId", "role", count(*) FROM "Membership" GROUP BY 1, 2;
