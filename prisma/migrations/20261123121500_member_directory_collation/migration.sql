-- The members list's sort keys compare byte by byte on every engine and server locale:
-- "ann zed" sorts before "anna abel" (first name, then last), the same on PGlite and on a
-- PostgreSQL whose locale would otherwise ignore the space. The indexes are rebuilt.
ALTER TABLE "Membership" ALTER COLUMN "searchName" SET DATA TYPE TEXT COLLATE "C";
ALTER TABLE "Membership" ALTER COLUMN "searchEmail" SET DATA TYPE TEXT COLLATE "C";
