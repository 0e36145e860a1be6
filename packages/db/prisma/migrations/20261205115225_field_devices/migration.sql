-- The field app (issue 16): an office enrols a village's phone with a one-time code; the phone's credential
-- may only submit that village's reports, and each report remembers the device that sent it.

-- AlterTable
ALTER TABLE "village_report" ADD COLUMN     "device_id" INTEGER;

-- CreateTable
CREATE TABLE "device_enrolment" (
    "id" SERIAL NOT NULL,
    "village_id" INTEGER NOT NULL,
    "code_hash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "device_enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "field_device" (
    "id" SERIAL NOT NULL,
    "village_id" INTEGER NOT NULL,
    "enrolment_id" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "field_device_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "device_enrolment_code_hash_key" ON "device_enrolment"("code_hash");

-- CreateIndex
CREATE INDEX "device_enrolment_village_id_idx" ON "device_enrolment"("village_id");

-- CreateIndex
CREATE UNIQUE INDEX "field_device_enrolment_id_key" ON "field_device"("enrolment_id");

-- CreateIndex
CREATE UNIQUE INDEX "field_device_token_hash_key" ON "field_device"("token_hash");

-- CreateIndex
CREATE INDEX "field_device_village_id_idx" ON "field_device"("village_id");

-- CreateIndex
CREATE INDEX "village_report_device_id_idx" ON "village_report"("device_id");

-- AddForeignKey
ALTER TABLE "village_report" ADD CONSTRAINT "village_report_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "field_device"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "device_enrolment" ADD CONSTRAINT "device_enrolment_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "device_enrolment" ADD CONSTRAINT "device_enrolment_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "field_device" ADD CONSTRAINT "field_device_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "field_device" ADD CONSTRAINT "field_device_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "device_enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
