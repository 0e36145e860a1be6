// Which passwords Binaan accepts, per NIST SP 800-63B rev. 4: length first (MIN_PASSWORD_LENGTH), any
// characters, no composition rules, and no password that is common or easy to guess from the context
// (the service's name, the person's name or email). zxcvbn-ts with its common-password dictionary
// judges the guessability; a guess count under 10^10 (its score 4 starts there) is refused.
import { randomBytes } from 'node:crypto';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength } from '@binaan/domain';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** Words of this service that make a password guessable to anyone who knows where it is used. */
const SERVICE_WORDS = ['binaan', 'imigrasi', 'immigration', 'kanim', 'kanwil', 'desa', 'indonesia'];

/** At least this many guesses: zxcvbn's score 4 ("very unguessable: strong protection from offline attacks"). */
const MIN_GUESSES_LOG10 = 10;

/** The problem with a new password, in English (localised on the way out), or null when it is acceptable. */
export async function passwordProblem(
  password: string,
  person: { email: string; displayName: string },
): Promise<string | null> {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) return `A password has at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (length > MAX_PASSWORD_LENGTH) return `A password has at most ${MAX_PASSWORD_LENGTH} characters.`;
  const context = [
    ...SERVICE_WORDS,
    ...person.email.toLowerCase().split(/[@.\-_+]/),
    ...person.displayName.toLowerCase().split(/\s+/),
  ].filter((word) => word.length >= 3);
  const { guessesLog10 } = await zxcvbn.checkAsync(password.normalize('NFKC'), context);
  if (guessesLog10 < MIN_GUESSES_LOG10) {
    return 'This password is too common or too easy to guess (it is made of common words, names or patterns); a longer phrase of unrelated words works well.';
  }
  return null;
}

/**
 * A temporary password an administrator reads out or sends: 20 letters and digits in groups of five,
 * without look-alikes (0/O, 1/l/I), so it can be typed from a phone call. About 100 bits.
 */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const characters = [...bytes].map((byte) => alphabet[byte % alphabet.length]);
  return [0, 5, 10, 15].map((start) => characters.slice(start, start + 5).join('')).join('-');
}
