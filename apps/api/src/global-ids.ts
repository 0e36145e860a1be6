// Global IDs (Relay) are base64 of `Type:id`. A malformed one (not base64 of that form, an id that is not a
// positive 32-bit integer, a type that has no records) is the caller's mistake: BAD_USER_INPUT, never an
// internal error. A well-formed id whose record does not exist (or is not the caller's to see) is null.
import { GraphQLError } from 'graphql';

const MAX_ID = 2_147_483_647;

export function invalidGlobalId(): GraphQLError {
  return new GraphQLError('Not a valid ID.', { extensions: { code: 'BAD_USER_INPUT' } });
}

export function decodeGlobalId(globalID: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalID, 'base64').toString('utf8');
  const match = /^([A-Z][A-Za-z]{0,59}):([1-9]\d{0,9})$/.exec(decoded);
  // Only the canonical encoding: anything else base64 happens to decode is not an ID we gave out.
  if (!match || Number(match[2]) > MAX_ID || Buffer.from(decoded, 'utf8').toString('base64') !== globalID) {
    throw invalidGlobalId();
  }
  return { typename: match[1]!, id: match[2]! };
}

/** Prisma's "record not found" (a node loaded by id that does not exist). */
const isNotFound = (error: unknown) => (error as { code?: unknown } | null)?.code === 'P2025';
/** Pothos's answer to an id of a type that has no node. */
const isUnknownType = (error: unknown) => error instanceof Error && /has not been implemented/.test(error.message);

/** Loads one node; null when it does not exist. */
export async function nodeOrNull(load: () => Promise<unknown> | unknown): Promise<unknown> {
  try {
    return await load();
  } catch (error) {
    if (isNotFound(error)) return null;
    if (isUnknownType(error)) throw invalidGlobalId();
    throw error;
  }
}
