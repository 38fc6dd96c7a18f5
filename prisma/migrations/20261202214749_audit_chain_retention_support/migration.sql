-- DropIndex
DROP INDEX "AuditEvent_workspaceId_action_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_workspaceId_targetType_targetId_createdAt_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "seq" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "supportStaff" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "auditRetentionDays" INTEGER NOT NULL DEFAULT 365;

-- CreateTable
CREATE TABLE "AuditChain" (
    "workspaceId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "head" TEXT NOT NULL,
    "checkpointSeq" INTEGER NOT NULL DEFAULT 0,
    "checkpointHash" TEXT NOT NULL,

    CONSTRAINT "AuditChain_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_action_createdAt_id_idx" ON "AuditEvent"("workspaceId", "action", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_targetType_targetId_createdAt_id_idx" ON "AuditEvent"("workspaceId", "targetType", "targetId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_actorId_createdAt_id_idx" ON "AuditEvent"("workspaceId", "actorId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_workspaceId_seq_key" ON "AuditEvent"("workspaceId", "seq");

-- AddForeignKey
ALTER TABLE "AuditChain" ADD CONSTRAINT "AuditChain_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
