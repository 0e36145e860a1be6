// Who is calling: a signed-in user (session cookie), an application (bearer token) or nobody. Resolved
// once per request; every permission follows from it (permissions.ts).
import type { Database } from '@binaan/db';
import { noPermissions, type Permissions, type Role, tokenPermissions, userPermissions } from './permissions.js';
import { hashSecret, isApiToken } from './tokens.js';

export const SESSION_COOKIE = 'binaan_session';
/** Sessions and tokens record when they were last used at most this often (one write, not one per request). */
const TOUCH_INTERVAL_MS = 60_000;

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: number; sessionId: number; email: string; displayName: string; role: Role; area: string | null }
  | { kind: 'token'; tokenId: number; name: string; scopes: string[]; area: string | null };

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
export const bearerOf = (request: Request): string | null => /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;

/** The secret a request carries: a bearer token, else the session cookie. */
export function credentialOf(request: Request): string | null {
  return bearerOf(request) ?? readCookie(request.headers.get('cookie'), SESSION_COOKIE);
}

async function regenciesOfOffice(db: Database, officeId: number): Promise<Set<number>> {
  const areas = await db.prisma.officeWorkingArea.findMany({ where: { officeId }, select: { regencyId: true } });
  return new Set(areas.map((area) => area.regencyId));
}

interface TokenRow {
  id: number;
  name: string;
  scopes: string[];
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  office_name: string | null;
  /** The kabupaten/kota of its office's working area; null for a token not limited to an office. */
  regencies: number[] | null;
}

const TOKEN_BY_HASH = `
  SELECT t.id, t.name, t.scopes, t.expires_at, t.last_used_at, t.revoked_at, o.name AS office_name,
         CASE WHEN t.office_id IS NOT NULL THEN ARRAY(SELECT a.regency_id FROM office_working_area a WHERE a.office_id = t.office_id) END AS regencies
    FROM api_token t LEFT JOIN immigration_office o ON o.id = t.office_id
   WHERE t.token_hash = $1`;

/** Who holds this secret (a session or API token); anonymous when it is missing, unknown, expired or revoked. */
export async function identify(db: Database, secret: string | null, now = new Date()): Promise<Identity> {
  if (!secret) return anonymous;
  const hash = hashSecret(secret);

  if (isApiToken(secret)) {
    // Every request of an application makes this lookup: one statement with the office and its area.
    const [token] = await db.sql.query<TokenRow>(TOKEN_BY_HASH, [hash]);
    if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now)) return anonymous;
    if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
      await db.prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
    }
    return {
      caller: { kind: 'token', tokenId: token.id, name: token.name, scopes: token.scopes, area: token.office_name },
      permissions: tokenPermissions(token.scopes, token.regencies ? new Set(token.regencies) : null),
      actor: `token:${token.id}`,
    };
  }

  const session = await db.prisma.session.findUnique({
    where: { tokenHash: hash },
    include: { user: { include: { province: true, office: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return anonymous;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  let regencies: Set<number> | null = null;
  if (user.role === 'IMMIGRATION_OFFICE') regencies = user.officeId ? await regenciesOfOffice(db, user.officeId) : new Set();
  if (user.role === 'REGIONAL_OFFICE') {
    const inProvince = await db.prisma.regency.findMany({ where: { provinceId: user.provinceId ?? -1 }, select: { id: true } });
    regencies = new Set(inProvince.map((regency) => regency.id));
  }
  return {
    caller: {
      kind: 'user',
      userId: user.id,
      sessionId: session.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      area: user.office?.name ?? user.province?.name ?? null,
    },
    permissions: userPermissions(user.role, user.canSeePersonalData, regencies),
    actor: `user:${user.id}`,
  };
}
