// What a caller may do, derived once per request from who they are. The schema's auth scopes and every
// resolver read this; nothing else decides access.
export type Role = 'NATIONAL_LEADERSHIP' | 'REGIONAL_OFFICE' | 'IMMIGRATION_OFFICE' | 'ANALYST';
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
  /** Names, phone numbers, reporter identity. */
  personal: boolean;
  readAuditLog: boolean;
  issueTokens: boolean;
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
  personal: false,
  readAuditLog: false,
  issueTokens: false,
  regencyIds: new Set(),
};

export function userPermissions(
  role: Role,
  canSeePersonalData: boolean,
  regencyIds: ReadonlySet<number> | null,
): Permissions {
  const writes = role === 'REGIONAL_OFFICE' || role === 'IMMIGRATION_OFFICE';
  return {
    signedIn: true,
    readRecords: true,
    readAggregates: true,
    writeRecords: writes,
    submitReports: writes,
    setTargets: role === 'REGIONAL_OFFICE',
    personal: canSeePersonalData && role !== 'ANALYST',
    readAuditLog: role === 'NATIONAL_LEADERSHIP',
    issueTokens: role !== 'ANALYST',
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
    personal: false,
    readAuditLog: false,
    issueTokens: false,
    regencyIds,
  };
}

export const inScope = (permissions: Permissions, regencyId: number | null | undefined) =>
  permissions.regencyIds === null || (regencyId != null && permissions.regencyIds.has(regencyId));
