/** The demo data of every API test: generated up to a fixed day, so that figures can be asserted. */
export const SEED_TODAY = '2026-11-24';
export const SEED_OPTIONS = { today: SEED_TODAY } as const;
