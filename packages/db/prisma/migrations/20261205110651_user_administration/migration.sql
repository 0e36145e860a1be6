-- Administrators manage accounts from the dashboard: a role for them, and temporary passwords that must be
-- changed at the next sign-in.

-- AlterEnum
ALTER TYPE "user_role" ADD VALUE 'ADMINISTRATOR';

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "password_changed_at" TIMESTAMPTZ(3);
