-- CreateTable
CREATE TABLE "job_leases" (
    "name" VARCHAR(100) NOT NULL,
    "holder" VARCHAR(200) NOT NULL,
    "acquired_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_leases_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "notification_attempts_channel_status_updated_at_idx" ON "notification_attempts"("channel", "status_updated_at");

-- CreateIndex
CREATE INDEX "conversation_turns_created_at_idx" ON "conversation_turns"("created_at");
