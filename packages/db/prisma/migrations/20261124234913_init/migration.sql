-- CreateEnum
CREATE TYPE "regency_kind" AS ENUM ('REGENCY', 'CITY');

-- CreateEnum
CREATE TYPE "village_kind" AS ENUM ('DESA', 'KELURAHAN');

-- CreateEnum
CREATE TYPE "office_class" AS ENUM ('CLASS_I_SPECIAL', 'CLASS_I', 'CLASS_II', 'CLASS_III');

-- CreateEnum
CREATE TYPE "programme_variant" AS ENUM ('DESA_BINAAN', 'KELURAHAN_BINAAN', 'IMIGRASI_CORNER');

-- CreateEnum
CREATE TYPE "designation_status" AS ENUM ('PLANNED', 'ACTIVE', 'SUSPENDED', 'ENDED');

-- CreateEnum
CREATE TYPE "selection_reason" AS ENUM ('MIGRANT_WORKER_SENDING_AREA', 'BORDER_AREA', 'FAR_FROM_OFFICE');

-- CreateEnum
CREATE TYPE "task_force_role" AS ENUM ('VILLAGE_HEAD', 'VILLAGE_SECRETARY', 'VILLAGE_OFFICIAL', 'BABINSA', 'BHABINKAMTIBMAS', 'COMMUNITY_FIGURE', 'IMMIGRATION_OFFICER');

-- CreateEnum
CREATE TYPE "activity_type" AS ENUM ('SOCIALISATION', 'COUNSELLING', 'COORDINATION_MEETING', 'TIMPORA_MEETING', 'TASK_STRENGTHENING_VISIT');

-- CreateEnum
CREATE TYPE "report_type" AS ENUM ('FOREIGN_NATIONAL_PRESENT', 'SUSPECTED_TRAFFICKING', 'SUSPECTED_SMUGGLING', 'NON_PROCEDURAL_MIGRANT_WORKER', 'REFUGEES', 'PASSPORT_INFORMATION_REQUEST', 'OTHER');

-- CreateEnum
CREATE TYPE "report_status" AS ENUM ('SUBMITTED', 'VERIFIED', 'FOLLOWED_UP', 'CLOSED', 'REJECTED');

-- CreateTable
CREATE TABLE "province" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regency" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "regency_kind" NOT NULL,
    "province_id" INTEGER NOT NULL,

    CONSTRAINT "regency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "district" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regency_id" INTEGER NOT NULL,
    "province_id" INTEGER NOT NULL,

    CONSTRAINT "district_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "village" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "village_kind" NOT NULL,
    "district_id" INTEGER NOT NULL,
    "regency_id" INTEGER NOT NULL,
    "province_id" INTEGER NOT NULL,
    "is_land_border" BOOLEAN NOT NULL DEFAULT false,
    "is_sea_border" BOOLEAN NOT NULL DEFAULT false,
    "is_migrant_worker_sending_area" BOOLEAN NOT NULL DEFAULT false,
    "distance_to_office_km" DOUBLE PRECISION,

    CONSTRAINT "village_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regional_office" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "province_id" INTEGER NOT NULL,

    CONSTRAINT "regional_office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "immigration_office" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "office_class" "office_class" NOT NULL,
    "has_checkpoint" BOOLEAN NOT NULL,
    "city" TEXT NOT NULL,
    "province_id" INTEGER NOT NULL,
    "regional_office_id" INTEGER,

    CONSTRAINT "immigration_office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "office_working_area" (
    "office_id" INTEGER NOT NULL,
    "regency_id" INTEGER NOT NULL,

    CONSTRAINT "office_working_area_pkey" PRIMARY KEY ("office_id","regency_id")
);

-- CreateTable
CREATE TABLE "designation" (
    "id" SERIAL NOT NULL,
    "village_id" INTEGER NOT NULL,
    "variant" "programme_variant" NOT NULL,
    "office_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "designation_status" NOT NULL DEFAULT 'PLANNED',
    "inaugurated_on" DATE,
    "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decree_number" TEXT,
    "officer_name" TEXT,
    "selection_reasons" "selection_reason"[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "designation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "province_target" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "villages_to_designate" INTEGER NOT NULL,
    "members_to_train" INTEGER NOT NULL,

    CONSTRAINT "province_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regency_target" (
    "id" SERIAL NOT NULL,
    "regency_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "villages_to_designate" INTEGER NOT NULL,
    "members_to_train" INTEGER NOT NULL,

    CONSTRAINT "regency_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_force" (
    "id" SERIAL NOT NULL,
    "designation_id" INTEGER NOT NULL,
    "formed_on" DATE NOT NULL,
    "decree_number" TEXT,

    CONSTRAINT "task_force_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_force_member" (
    "id" SERIAL NOT NULL,
    "task_force_id" INTEGER NOT NULL,
    "role" "task_force_role" NOT NULL,
    "full_name" TEXT NOT NULL,
    "phone" TEXT,
    "is_synthetic" BOOLEAN NOT NULL DEFAULT false,
    "joined_on" DATE NOT NULL,
    "left_on" DATE,

    CONSTRAINT "task_force_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_module" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "training_module_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_session" (
    "id" SERIAL NOT NULL,
    "office_id" INTEGER NOT NULL,
    "held_on" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "village_id" INTEGER,

    CONSTRAINT "training_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_session_module" (
    "session_id" INTEGER NOT NULL,
    "module_id" INTEGER NOT NULL,

    CONSTRAINT "training_session_module_pkey" PRIMARY KEY ("session_id","module_id")
);

-- CreateTable
CREATE TABLE "training_attendance" (
    "id" SERIAL NOT NULL,
    "session_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "module_id" INTEGER NOT NULL,
    "attended" BOOLEAN NOT NULL DEFAULT true,
    "completed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "training_attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity" (
    "id" SERIAL NOT NULL,
    "type" "activity_type" NOT NULL,
    "title" TEXT NOT NULL,
    "held_on" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "village_id" INTEGER,
    "regency_id" INTEGER NOT NULL,
    "province_id" INTEGER NOT NULL,
    "office_id" INTEGER NOT NULL,
    "agencies_present" TEXT[],
    "attendee_count" INTEGER NOT NULL,
    "description" TEXT,

    CONSTRAINT "activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "village_report" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "client_reference" TEXT NOT NULL,
    "village_id" INTEGER NOT NULL,
    "regency_id" INTEGER NOT NULL,
    "province_id" INTEGER NOT NULL,
    "designation_id" INTEGER,
    "type" "report_type" NOT NULL,
    "occurred_on" DATE NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "people_involved" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "reporter_name" TEXT,
    "reporter_phone" TEXT,
    "status" "report_status" NOT NULL DEFAULT 'SUBMITTED',
    "status_changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "village_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_status_transition" (
    "id" SERIAL NOT NULL,
    "report_id" INTEGER NOT NULL,
    "from_status" "report_status",
    "to_status" "report_status" NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    "changed_by" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "report_status_transition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "province_code_key" ON "province"("code");

-- CreateIndex
CREATE UNIQUE INDEX "regency_code_key" ON "regency"("code");

-- CreateIndex
CREATE INDEX "regency_province_id_idx" ON "regency"("province_id");

-- CreateIndex
CREATE UNIQUE INDEX "district_code_key" ON "district"("code");

-- CreateIndex
CREATE INDEX "district_regency_id_idx" ON "district"("regency_id");

-- CreateIndex
CREATE INDEX "district_province_id_idx" ON "district"("province_id");

-- CreateIndex
CREATE UNIQUE INDEX "village_code_key" ON "village"("code");

-- CreateIndex
CREATE INDEX "village_district_id_idx" ON "village"("district_id");

-- CreateIndex
CREATE INDEX "village_regency_id_idx" ON "village"("regency_id");

-- CreateIndex
CREATE INDEX "village_province_id_idx" ON "village"("province_id");

-- CreateIndex
CREATE INDEX "village_kind_idx" ON "village"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "regional_office_name_key" ON "regional_office"("name");

-- CreateIndex
CREATE UNIQUE INDEX "regional_office_province_id_key" ON "regional_office"("province_id");

-- CreateIndex
CREATE UNIQUE INDEX "immigration_office_code_key" ON "immigration_office"("code");

-- CreateIndex
CREATE INDEX "immigration_office_province_id_idx" ON "immigration_office"("province_id");

-- CreateIndex
CREATE INDEX "office_working_area_regency_id_idx" ON "office_working_area"("regency_id");

-- CreateIndex
CREATE INDEX "designation_office_id_idx" ON "designation"("office_id");

-- CreateIndex
CREATE INDEX "designation_variant_status_idx" ON "designation"("variant", "status");

-- CreateIndex
CREATE INDEX "designation_year_idx" ON "designation"("year");

-- CreateIndex
CREATE UNIQUE INDEX "designation_village_id_variant_key" ON "designation"("village_id", "variant");

-- CreateIndex
CREATE INDEX "province_target_year_idx" ON "province_target"("year");

-- CreateIndex
CREATE UNIQUE INDEX "province_target_province_id_year_key" ON "province_target"("province_id", "year");

-- CreateIndex
CREATE INDEX "regency_target_year_idx" ON "regency_target"("year");

-- CreateIndex
CREATE UNIQUE INDEX "regency_target_regency_id_year_key" ON "regency_target"("regency_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "task_force_designation_id_key" ON "task_force"("designation_id");

-- CreateIndex
CREATE INDEX "task_force_member_task_force_id_idx" ON "task_force_member"("task_force_id");

-- CreateIndex
CREATE INDEX "task_force_member_role_idx" ON "task_force_member"("role");

-- CreateIndex
CREATE UNIQUE INDEX "training_module_code_key" ON "training_module"("code");

-- CreateIndex
CREATE INDEX "training_session_office_id_idx" ON "training_session"("office_id");

-- CreateIndex
CREATE INDEX "training_session_held_on_idx" ON "training_session"("held_on");

-- CreateIndex
CREATE INDEX "training_session_village_id_idx" ON "training_session"("village_id");

-- CreateIndex
CREATE INDEX "training_session_module_module_id_idx" ON "training_session_module"("module_id");

-- CreateIndex
CREATE INDEX "training_attendance_member_id_module_id_idx" ON "training_attendance"("member_id", "module_id");

-- CreateIndex
CREATE INDEX "training_attendance_module_id_idx" ON "training_attendance"("module_id");

-- CreateIndex
CREATE UNIQUE INDEX "training_attendance_session_id_member_id_module_id_key" ON "training_attendance"("session_id", "member_id", "module_id");

-- CreateIndex
CREATE INDEX "activity_held_on_idx" ON "activity"("held_on");

-- CreateIndex
CREATE INDEX "activity_type_idx" ON "activity"("type");

-- CreateIndex
CREATE INDEX "activity_village_id_idx" ON "activity"("village_id");

-- CreateIndex
CREATE INDEX "activity_regency_id_idx" ON "activity"("regency_id");

-- CreateIndex
CREATE INDEX "activity_province_id_idx" ON "activity"("province_id");

-- CreateIndex
CREATE INDEX "activity_office_id_idx" ON "activity"("office_id");

-- CreateIndex
CREATE INDEX "village_report_village_id_idx" ON "village_report"("village_id");

-- CreateIndex
CREATE INDEX "village_report_regency_id_submitted_at_idx" ON "village_report"("regency_id", "submitted_at");

-- CreateIndex
CREATE INDEX "village_report_province_id_submitted_at_idx" ON "village_report"("province_id", "submitted_at");

-- CreateIndex
CREATE INDEX "village_report_designation_id_idx" ON "village_report"("designation_id");

-- CreateIndex
CREATE INDEX "village_report_type_idx" ON "village_report"("type");

-- CreateIndex
CREATE INDEX "village_report_status_idx" ON "village_report"("status");

-- CreateIndex
CREATE INDEX "village_report_submitted_at_idx" ON "village_report"("submitted_at");

-- CreateIndex
CREATE UNIQUE INDEX "village_report_source_client_reference_key" ON "village_report"("source", "client_reference");

-- CreateIndex
CREATE INDEX "report_status_transition_report_id_changed_at_idx" ON "report_status_transition"("report_id", "changed_at");

-- CreateIndex
CREATE INDEX "report_status_transition_to_status_idx" ON "report_status_transition"("to_status");

-- AddForeignKey
ALTER TABLE "regency" ADD CONSTRAINT "regency_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "district" ADD CONSTRAINT "district_regency_id_fkey" FOREIGN KEY ("regency_id") REFERENCES "regency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "district" ADD CONSTRAINT "district_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village" ADD CONSTRAINT "village_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village" ADD CONSTRAINT "village_regency_id_fkey" FOREIGN KEY ("regency_id") REFERENCES "regency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village" ADD CONSTRAINT "village_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regional_office" ADD CONSTRAINT "regional_office_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "immigration_office" ADD CONSTRAINT "immigration_office_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "immigration_office" ADD CONSTRAINT "immigration_office_regional_office_id_fkey" FOREIGN KEY ("regional_office_id") REFERENCES "regional_office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office_working_area" ADD CONSTRAINT "office_working_area_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "immigration_office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office_working_area" ADD CONSTRAINT "office_working_area_regency_id_fkey" FOREIGN KEY ("regency_id") REFERENCES "regency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "designation" ADD CONSTRAINT "designation_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "designation" ADD CONSTRAINT "designation_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "immigration_office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "province_target" ADD CONSTRAINT "province_target_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regency_target" ADD CONSTRAINT "regency_target_regency_id_fkey" FOREIGN KEY ("regency_id") REFERENCES "regency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_force" ADD CONSTRAINT "task_force_designation_id_fkey" FOREIGN KEY ("designation_id") REFERENCES "designation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_force_member" ADD CONSTRAINT "task_force_member_task_force_id_fkey" FOREIGN KEY ("task_force_id") REFERENCES "task_force"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_session" ADD CONSTRAINT "training_session_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "immigration_office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_session" ADD CONSTRAINT "training_session_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_session_module" ADD CONSTRAINT "training_session_module_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "training_session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_session_module" ADD CONSTRAINT "training_session_module_module_id_fkey" FOREIGN KEY ("module_id") REFERENCES "training_module"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "training_session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "task_force_member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_module_id_fkey" FOREIGN KEY ("module_id") REFERENCES "training_module"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_regency_id_fkey" FOREIGN KEY ("regency_id") REFERENCES "regency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "immigration_office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_report" ADD CONSTRAINT "village_report_village_id_fkey" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_report" ADD CONSTRAINT "village_report_regency_id_fkey" FOREIGN KEY ("regency_id") REFERENCES "regency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_report" ADD CONSTRAINT "village_report_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_report" ADD CONSTRAINT "village_report_designation_id_fkey" FOREIGN KEY ("designation_id") REFERENCES "designation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_status_transition" ADD CONSTRAINT "report_status_transition_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "village_report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
