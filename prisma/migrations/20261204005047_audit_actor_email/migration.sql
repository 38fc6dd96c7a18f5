-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_actorEmail_createdAt_id_idx" ON "AuditEvent"("workspaceId", "actorEmail", "createdAt", "id");
