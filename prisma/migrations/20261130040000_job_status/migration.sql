-- CreateTable
CREATE TABLE "job_status" (
    "job_id" VARCHAR(100) NOT NULL,
    "engine" VARCHAR(20) NOT NULL,
    "last_started_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_failure_at" TIMESTAMPTZ(3),
    "last_error_class" VARCHAR(100),
    "last_error_message" VARCHAR(300),
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "job_status_pkey" PRIMARY KEY ("job_id")
);

-- CreateTable
CREATE TABLE "job_engine_boots" (
    "boot_id" VARCHAR(200) NOT NULL,
    "engine" VARCHAR(20) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_engine_boots_pkey" PRIMARY KEY ("boot_id")
);

-- CreateIndex
CREATE INDEX "job_engine_boots_started_at_idx" ON "job_engine_boots"("started_at");
