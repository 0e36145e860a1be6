-- A follow-up records what the office did and which agencies took part, so the report's timeline
-- says it; existing steps have neither (empty list, no action).

-- AlterTable
ALTER TABLE "report_status_transition" ADD COLUMN     "action_taken" TEXT,
ADD COLUMN     "agencies" TEXT[] DEFAULT ARRAY[]::TEXT[];
