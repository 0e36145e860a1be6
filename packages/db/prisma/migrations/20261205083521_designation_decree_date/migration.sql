-- A designation records the date of its decree (SK) beside its number, as the offices' forms ask.

-- AlterTable
ALTER TABLE "designation" ADD COLUMN     "decree_date" DATE;
