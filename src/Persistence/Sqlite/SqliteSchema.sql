CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "bookmarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_bookmarks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "ExecutionId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "MatchKey" TEXT NULL,
    "ResumeAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "definitions" (
    "DefinitionId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Name" TEXT NULL,
    "Description" TEXT NULL,
    "Json" TEXT NOT NULL,
    "IsPublished" INTEGER NOT NULL,
    "IsLatest" INTEGER NOT NULL,
    "SourcePath" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_definitions" PRIMARY KEY ("DefinitionId", "Version")
);

CREATE TABLE "instances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_instances" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "CorrelationId" TEXT NULL,
    "ParentInstanceId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "FinishedAt" INTEGER NULL,
    "Revision" INTEGER NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseExpiresAt" INTEGER NULL,
    "StateJson" TEXT NOT NULL,
    "Error" TEXT NULL
);

CREATE TABLE "journal" (
    "InstanceId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Timestamp" INTEGER NOT NULL,
    "ActivityId" TEXT NULL,
    "ActivityType" TEXT NULL,
    "ExecutionId" TEXT NULL,
    "Attempt" INTEGER NULL,
    "Duration" INTEGER NULL,
    "Port" TEXT NULL,
    "Message" TEXT NULL,
    "RowCount" INTEGER NULL,
    CONSTRAINT "PK_journal" PRIMARY KEY ("InstanceId", "Sequence")
);

CREATE TABLE "logs" (
    "InstanceId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Timestamp" INTEGER NOT NULL,
    "ActivityId" TEXT NULL,
    "Level" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    CONSTRAINT "PK_logs" PRIMARY KEY ("InstanceId", "Sequence")
);

CREATE INDEX "IX_bookmarks_InstanceId" ON "bookmarks" ("InstanceId");

CREATE INDEX "IX_bookmarks_Name_MatchKey" ON "bookmarks" ("Name", "MatchKey");

CREATE INDEX "IX_bookmarks_ResumeAt" ON "bookmarks" ("ResumeAt");

CREATE INDEX "IX_definitions_DefinitionId_IsLatest" ON "definitions" ("DefinitionId", "IsLatest");

CREATE INDEX "IX_definitions_DefinitionId_IsPublished" ON "definitions" ("DefinitionId", "IsPublished");

CREATE INDEX "IX_instances_CorrelationId" ON "instances" ("CorrelationId");

CREATE INDEX "IX_instances_CreatedAt" ON "instances" ("CreatedAt");

CREATE INDEX "IX_instances_DefinitionId_DefinitionVersion" ON "instances" ("DefinitionId", "DefinitionVersion");

CREATE INDEX "IX_instances_ParentInstanceId" ON "instances" ("ParentInstanceId");

CREATE INDEX "IX_instances_Status" ON "instances" ("Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123200432_InitialCreate', '9.0.23');

CREATE TABLE "schedule_claims" (
    "DefinitionId" TEXT NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "Occurrence" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "InstanceId" TEXT NULL,
    "ClaimedBy" TEXT NULL,
    "ClaimedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_schedule_claims" PRIMARY KEY ("DefinitionId", "ActivityId", "Occurrence")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123210543_AddScheduleClaims', '9.0.23');

ALTER TABLE "journal" ADD "Outputs" TEXT NULL;

CREATE TABLE "api_keys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_api_keys" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_api_keys_Hash" ON "api_keys" ("Hash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203185317_AddApiKeysAndJournalOutputs', '9.0.23');

ALTER TABLE "journal" ADD "NodeId" TEXT NULL;

CREATE TABLE "instance_inbox" (
    "Position" INTEGER NOT NULL CONSTRAINT "PK_instance_inbox" PRIMARY KEY AUTOINCREMENT,
    "InstanceId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "ReceivedAt" INTEGER NOT NULL
);

CREATE TABLE "workers" (
    "NodeId" TEXT NOT NULL CONSTRAINT "PK_workers" PRIMARY KEY,
    "Role" TEXT NOT NULL,
    "Groups" TEXT NOT NULL,
    "Concurrency" INTEGER NOT NULL,
    "Running" INTEGER NOT NULL,
    "Version" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "LastSeen" INTEGER NOT NULL,
    "StoppedAt" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_instance_inbox_InstanceId_Id" ON "instance_inbox" ("InstanceId", "Id");

CREATE INDEX "IX_workers_LastSeen" ON "workers" ("LastSeen");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204013135_AddInboxWorkersAndJournalNodeId', '9.0.23');

CREATE TABLE "connections" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_connections" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ProtectedConnectionString" TEXT NOT NULL,
    "OptionsJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204040003_AddConnections', '9.0.23');

COMMIT;

