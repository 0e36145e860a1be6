// Who is calling: a signed-in user (session cookie), an application (bearer token) or nobody. Resolved
// once per request; every permission follows from it (permissions.ts).
import type { Database } from '@binaan/db';
import {
  devicePermissions,
  noPermissions,
  type Permissions,
  type Role,
  tokenPermissions,
  userPermissions,
} from './permissions.js';
import { identityCacheOf } from './identity-cache.js';
import { hashSecret, isApiToken, isDeviceCredential } from './tokens.js';

export const SESSION_COOKIE = 'binaan_session';
/** Sessions and tokens record when they were last used at most this often (one write, not one per request). */
const TOUCH_INTERVAL_MS = 60_000;

export type Caller =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: number;
      sessionId: number;
      email: string;
      displayName: string;
      role: Role;
      area: string | null;
      /** The immigration office the user works at, if any. */
      officeId: number | null;
      /** Signed in with a temporary password that must be changed before anything else. */
      mustChangePassword: boolean;
    }
  | { kind: 'token'; tokenId: number; name: string; scopes: string[]; area: string | null; officeId: number | null }
  | {
      kind: 'device';
      deviceId: number;
      /** What the office calls the phone. */
      name: string;
      /** The one village it reports for. */
      villageId: number;
      area: string;
      officeId: null;
    };

export interface Identity {
  caller: Caller;
  permissions: Permissions;
  /** Recorded on writes and in the audit log: `user:<id>`, `token:<id>`, `anonymous`. */
  actor: string;
}

const anonymous: Identity = { caller: { kind: 'anonymous' }, permissions: noPermissions, actor: 'anonymous' };

export function readCookie(header: string | null, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** The bearer secret in the Authorization header, if any. */
export const bearerOf = (request: Request): string | null =>
  /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;

/** The secret a request carries: a bearer token, else the session cookie. */
export function credentialOf(request: Request): string | null {
  return bearerOf(request) ?? readCookie(request.headers.get('cookie'), SESSION_COOKIE);
}

interface TokenRow {
  id: number;
  name: string;
  scopes: string[];
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  office_id: number | null;
  office_name: string | null;
  /** The kabupaten/kota of its office's working area; null for a token not limited to an office. */
  regencies: number[] | null;
}

const TOKEN_BY_HASH = `
  SELECT t.id, t.name, t.scopes, t.expires_at, t.last_used_at, t.revoked_at, t.office_id, o.name AS office_name,
         CASE WHEN t.office_id IS NOT NULL THEN ARRAY(SELECT a.regency_id FROM office_working_area a WHERE a.office_id = t.office_id) END AS regencies
    FROM api_token t LEFT JOIN immigration_office o ON o.id = t.office_id
   WHERE t.token_hash = $1`;

interface SessionRow {
  session_id: number;
  expires_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  user_id: number;
  email: string;
  display_name: string;
  role: Role;
  can_see_personal_data: boolean;
  disabled_at: Date | null;
  must_change_password: boolean;
  office_id: number | null;
  province_name: string | null;
  office_name: string | null;
  /** The kabupaten/kota an office's or a province's user is limited to; null for the others. */
  regencies: number[] | null;
}

const SESSION_BY_HASH = `
  SELECT s.id AS session_id, s.expires_at, s.last_seen_at, s.revoked_at,
         u.id AS user_id, u.email, u.display_name, u.role, u.can_see_personal_data, u.disabled_at, u.must_change_password, u.office_id,
         p.name AS province_name, o.name AS office_name,
         CASE u.role
           WHEN 'IMMIGRATION_OFFICE' THEN ARRAY(SELECT a.regency_id FROM office_working_area a WHERE a.office_id = u.office_id)
           WHEN 'REGIONAL_OFFICE' THEN ARRAY(SELECT r.id FROM regency r WHERE r.province_id = u.province_id)
         END AS regencies
    FROM session s
    JOIN app_user u ON u.id = s.user_id
    LEFT JOIN province p ON p.id = u.province_id
    LEFT JOIN immigration_office o ON o.id = u.office_id
   WHERE s.token_hash = $1`;

interface DeviceRow {
  id: number;
  label: string;
  revoked_at: Date | null;
  last_seen_at: Date | null;
  village_id: number;
  village_name: string;
  regency_id: number;
}

const DEVICE_BY_HASH = `
  SELECT d.id, d.label, d.revoked_at, d.last_seen_at, d.village_id, v.name AS village_name, v.regency_id
    FROM field_device d JOIN village v ON v.id = d.village_id
   WHERE d.token_hash = $1`;

/**
 * Whose idempotency keys a caller's submissions use: an office's users and tokens share their office's
 * (a retry from another device of the same office finds the first row); anyone else has their own.
 */
export function submitterOf(caller: Caller): string {
  if (caller.kind === 'anonymous') return 'anonymous';
  if (caller.kind === 'device') return `device:${caller.deviceId}`;
  if (caller.officeId !== null) return `office:${caller.officeId}`;
  return caller.kind === 'token' ? `token:${caller.tokenId}` : `user:${caller.userId}`;
}

/** Who holds this secret (a session or API token); anonymous when it is missing, unknown, expired or revoked. */
export async function identify(db: Database, secret: string | null, now = new Date()): Promise<Identity> {
  if (!secret) return anonymous;
  const hash = hashSecret(secret);
  const cache = identityCacheOf(db);

  if (isApiToken(secret)) {
    // Every request of an application makes this lookup: one statement with the office and its area.
    const token = await cache.lookUp(hash, async () => (await db.sql.query<TokenRow>(TOKEN_BY_HASH, [hash]))[0]);
    if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now)) return anonymous;
    if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
      await db.prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
      token.last_used_at = now;
    }
    return {
      caller: {
        kind: 'token',
        tokenId: token.id,
        name: token.name,
        scopes: token.scopes,
        area: token.office_name,
        officeId: token.office_id,
      },
      permissions: tokenPermissions(token.scopes, token.regencies ? new Set(token.regencies) : null),
      actor: `token:${token.id}`,
    };
  }

  if (isDeviceCredential(secret)) {
    const device = await cache.lookUp(hash, async () => (await db.sql.query<DeviceRow>(DEVICE_BY_HASH, [hash]))[0]);
    if (!device || device.revoked_at) return anonymous;
    if (!device.last_seen_at || now.getTime() - device.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      await db.prisma.fieldDevice.update({ where: { id: device.id }, data: { lastSeenAt: now } });
      device.last_seen_at = now;
    }
    return {
      caller: {
        kind: 'device',
        deviceId: device.id,
        name: device.label,
        villageId: device.village_id,
        area: device.village_name,
        officeId: null,
      },
      permissions: devicePermissions(device.regency_id),
      actor: `device:${device.id}`,
    };
  }

  // Every request of a signed-in person makes this lookup: one statement with the user and their area.
  const session = await cache.lookUp(hash, async () => (await db.sql.query<SessionRow>(SESSION_BY_HASH, [hash]))[0]);
  if (!session || session.revoked_at || session.expires_at <= now || session.disabled_at) return anonymous;
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await db.prisma.session.update({ where: { id: session.session_id }, data: { lastSeenAt: now } });
    // The kept row too (identity-cache.ts), so that the next request within its ttl writes nothing.
    session.last_seen_at = now;
  }
  return {
    caller: {
      kind: 'user',
      userId: session.user_id,
      sessionId: session.session_id,
      email: session.email,
      displayName: session.display_name,
      role: session.role,
      area: session.office_name ?? session.province_name ?? null,
      officeId: session.office_id,
      mustChangePassword: session.must_change_password,
    },
    permissions: userPermissions(
      session.role,
      session.can_see_personal_data,
      session.regencies ? new Set(session.regencies) : null,
      session.must_change_password,
    ),
    actor: `user:${session.user_id}`,
  };
}
