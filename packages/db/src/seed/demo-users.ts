// Demo users, one per role, so the dashboard can be tried as each. Listed in the README. Their shared
// password comes from BINAAN_DEMO_PASSWORD (default below): demo data only, never production.
import { hashPassword } from '../passwords.js';
import type { SqlExecutor } from '../sql.js';
import { readDatabaseEnv } from '../env.js';

export const DEFAULT_DEMO_PASSWORD = 'binaan-demo-2026';

export const demoUsers = [
  {
    email: 'pimpinan@binaan.test',
    displayName: 'Pimpinan Nasional (demo)',
    role: 'NATIONAL_LEADERSHIP',
    provinceCode: null,
    officeCode: null,
    personal: false,
  },
  {
    email: 'kanwil.ntt@binaan.test',
    displayName: 'Kanwil NTT (demo)',
    role: 'REGIONAL_OFFICE',
    provinceCode: '53',
    officeCode: null,
    personal: true,
  },
  {
    email: 'kanim.batulicin@binaan.test',
    displayName: 'Kanim Batulicin (demo)',
    role: 'IMMIGRATION_OFFICE',
    provinceCode: null,
    officeCode: 'KANIM-BATULICIN',
    personal: true,
  },
  {
    email: 'analis@binaan.test',
    displayName: 'Analis (demo)',
    role: 'ANALYST',
    provinceCode: null,
    officeCode: null,
    personal: false,
  },
  {
    email: 'admin@binaan.test',
    displayName: 'Administrator (demo)',
    role: 'ADMINISTRATOR',
    provinceCode: null,
    officeCode: null,
    personal: false,
  },
] as const;

export async function writeDemoUsers(
  sql: SqlExecutor,
  password = readDatabaseEnv().demoPassword ?? DEFAULT_DEMO_PASSWORD,
): Promise<number> {
  let written = 0;
  for (const user of demoUsers) {
    const [province] = user.provinceCode
      ? await sql.query<{ id: number }>('SELECT id FROM province WHERE code = $1', [user.provinceCode])
      : [];
    const [office] = user.officeCode
      ? await sql.query<{ id: number }>('SELECT id FROM immigration_office WHERE code = $1', [user.officeCode])
      : [];
    // A scale without the user's area (it cannot happen at demo or national scale) skips the user.
    if ((user.provinceCode && !province) || (user.officeCode && !office)) continue;
    await sql.query(
      `INSERT INTO app_user (email, display_name, password_hash, role, province_id, office_id, can_see_personal_data)
       VALUES ($1, $2, $3, $4::user_role, $5, $6, $7)`,
      [
        user.email,
        user.displayName,
        await hashPassword(password),
        user.role,
        province?.id ?? null,
        office?.id ?? null,
        user.personal,
      ],
    );
    written += 1;
  }
  return written;
}
