// The people who use Binaan: their roles and the rules for their passwords.

/** Roles, in the order of the database enum. An administrator manages accounts and reads no records. */
export const userRoles = [
  'NATIONAL_LEADERSHIP',
  'REGIONAL_OFFICE',
  'IMMIGRATION_OFFICE',
  'ANALYST',
  'ADMINISTRATOR',
] as const;
export type UserRole = (typeof userRoles)[number];

/** What an account of each role is tied to: a province (Kanwil), an office (Kanim), or nothing. */
export const roleArea = {
  NATIONAL_LEADERSHIP: 'NONE',
  REGIONAL_OFFICE: 'PROVINCE',
  IMMIGRATION_OFFICE: 'OFFICE',
  ANALYST: 'NONE',
  ADMINISTRATOR: 'NONE',
} as const satisfies Record<UserRole, 'NONE' | 'PROVINCE' | 'OFFICE'>;

/** Roles that may be granted personal data (names, phone numbers). Analysts and administrators never are. */
export const rolesAllowedPersonalData: readonly UserRole[] = [
  'NATIONAL_LEADERSHIP',
  'REGIONAL_OFFICE',
  'IMMIGRATION_OFFICE',
];

/**
 * NIST SP 800-63B (rev. 4): a password that is the only factor has at least 15 characters; any
 * characters (spaces and non-Latin letters too) and at least 64 are allowed; no composition rules; and it
 * is checked against commonly used and guessable passwords (the API does that).
 */
export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 128;

/** Length as NIST counts it: characters (code points) after Unicode normalisation (NFKC). */
export const passwordLength = (password: string): number => [...password.normalize('NFKC')].length;

/** An Indonesian mobile number as people write it: 081234567890 or +6281234567890. */
export const INDONESIAN_MOBILE_PHONE = /^(\+62|0)8\d{7,12}$/;
