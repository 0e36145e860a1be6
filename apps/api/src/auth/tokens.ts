// Opaque secrets for sessions and API tokens: random, shown once, stored only as a SHA-256 hash.
import { createHash, randomBytes } from 'node:crypto';

export type SecretKind = 'session' | 'token' | 'device';
const PREFIX: Record<SecretKind, string> = { session: 'bnn_s_', token: 'bnn_t_', device: 'bnn_d_' };

export function newSecret(kind: SecretKind): { secret: string; hash: string; prefix: string } {
  const secret = `${PREFIX[kind]}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret), prefix: secret.slice(0, PREFIX[kind].length + 6) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const isApiToken = (secret: string) => secret.startsWith(PREFIX.token);
export const isDeviceCredential = (secret: string) => secret.startsWith(PREFIX.device);
