// What a caller may do, derived once per request from who they are. The schema's auth scopes and every
// resolver read this; nothing else decides access.
import { rolesAllowedPersonalData, type UserRole } from '@binaan/domain';

export type Role = UserRole;
export const tokenScopes = ['records:read', 'aggregates:read', 'records:write', 'reports:submit'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export interface Permissions {
  signedIn: boolean;
  readRecords: boolean;
  readAggregates: boolean;
  /** Record designations, activities, training, task-force members; move reports through the workflow. */
  writeRecords: boolean;
  submitReports: boolean;
  /** Set the year's work-plan targets per kabupaten/kota: a Kanwil, for its province. */
  setTargets: boolean;
  /** Review early-warning signals (acknowledge, escalate, dismiss) in the caller's area. */
  reviewSignals: boolean;
  /** Names, phone numbers, reporter identity. */
  personal: boolean;
  readAuditLog: boolean;
  issueTokens: boolean;
  /** Create and disable accounts, reset passwords: an administrator. */
  administerUsers: boolean;
  /** Signed in with a temporary password: nothing is allowed until it is changed. */
  mustChangePassword: boolean;
  /** Kabupaten/kota the caller may see and change; null: everywhere. */
  regencyIds: ReadonlySet<number> | null;
}

export const noPermissions: Permissions = {
  signedIn: false,
  readRecords: false,
  readAggregates: false,
  writeRecords: false,
  submitReports: false,
  setTargets: false,
  reviewSignals: false,
  personal: false,
  readAuditLog: false,
  issueTokens: false,
  administerUsers: false,
  mustChangePassword: false,
  regencyIds: new Set(),
};

export function userPermissions(
  role: Role,
  canSeePersonalData: boolean,
  regencyIds: ReadonlySet<number> | null,
  mustChangePassword = false,
): Permissions {
  // A temporary password opens nothing but the change of itself (and `me`, to say so).
  if (mustChangePassword) return { ...noPermissions, signedIn: true, mustChangePassword: true };
  const writes = role === 'REGIONAL_OFFICE' || role === 'IMMIGRATION_OFFICE';
  const administrator = role === 'ADMINISTRATOR';
  return {
    signedIn: true,
    readRecords: !administrator,
    readAggregates: true,
    writeRecords: writes,
    submitReports: writes,
    setTargets: role === 'REGIONAL_OFFICE',
    // The offices act on their areas' signals; national leadership on any (it escalates nationally).
    reviewSignals: writes || role === 'NATIONAL_LEADERSHIP',
    personal: canSeePersonalData && (rolesAllowedPersonalData as readonly string[]).includes(role),
    readAuditLog: role === 'NATIONAL_LEADERSHIP' || administrator,
    issueTokens: role !== 'ANALYST' && !administrator,
    administerUsers: administrator,
    mustChangePassword: false,
    regencyIds: role === 'REGIONAL_OFFICE' || role === 'IMMIGRATION_OFFICE' ? regencyIds : null,
  };
}

export function tokenPermissions(scopes: readonly string[], regencyIds: ReadonlySet<number> | null): Permissions {
  const has = (scope: TokenScope) => scopes.includes(scope);
  return {
    signedIn: true,
    readRecords: has('records:read'),
    readAggregates: has('aggregates:read'),
    writeRecords: has('records:write'),
    submitReports: has('reports:submit') || has('records:write'),
    setTargets: false,
    reviewSignals: has('records:write'),
    personal: false,
    readAuditLog: false,
    issueTokens: false,
    administerUsers: false,
    mustChangePassword: false,
    regencyIds,
  };
}

export const inScope = (permissions: Permissions, regencyId: number | null | undefined) =>
  permissions.regencyIds === null || (regencyId != null && permissions.regencyIds.has(regencyId));

/** Why a caller is refused something, in a sentence they can act on. */
export function refusalMessage(permissions: Permissions): string {
  if (permissions.mustChangePassword) return 'Change your temporary password first.';
  return permissions.signedIn ? 'Not allowed for your role or area.' : 'Sign in first.';
}

/**
 * A field app's phone, enrolled for one village: it may submit that village's reports (its village is
 * checked where a report names one) and read their status, nothing else.
 */
export function devicePermissions(regencyId: number): Permissions {
  return { ...noPermissions, signedIn: true, submitReports: true, regencyIds: new Set([regencyId]) };
}
