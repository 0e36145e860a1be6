-- Early-warning signals (issue 17): one row per kabupaten/kota, report type and week whose count is above
-- what its own history predicts, with its review (new → acknowledged → escalated or dismissed), and a
-- log of each computation.
-- CreateEnum
CREATE TYPE "signal_status" AS ENUM ('NEW', 'ACKNOWLEDGED', 'ESCALATED', 'DISMISSED');

-- CreateTable
CREATE TABLE "signal" (
    "id" SERIAL NOT NULL,
    "regency_id" INTEGER NOT NULL,
    "province_id" INTEGER NOT NULL,
    "type" "report_type" NOT NULL,
    "week_start" DATE NOT NULL,
    "observed" INTEGER NOT NULL,
    "expected" DOUBLE PRECISION NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "method" TEXT NOT NULL,
    "status" "signal_status" NOT NULL DEFAULT 'NEW',
    "note" TEXT,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_changed_by" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "signal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signal_run" (
    "id" SERIAL NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "trigger" TEXT NOT NULL,
    "weeks" INTEGER NOT NULL DEFAULT 0,
    "series" INTEGER NOT NULL DEFAULT 0,
    "signals" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "signal_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "signal_province_id_status_idx" ON "signal"("province_id", "status");

-- CreateIndex
CREATE INDEX "signal_week_start_idx" ON "signal"("week_start");

-- CreateIndex
CREATE UNIQUE INDEX "signal_regency_id_type_week_start_key" ON "signal"("regency_id", "type", "week_start");

-- AddForeignKey
ALTER TABLE "signal" ADD CONSTRAINT "signal_regency_id_fkey" FOREIGN KEY ("regency_id") REFERENCES "regency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signal" ADD CONSTRAINT "signal_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
