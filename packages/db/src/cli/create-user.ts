// npm run user:create -w @binaan/db -- --email x@kanim.go.id --name "…" --role IMMIGRATION_OFFICE --office KANIM-BATULICIN [--personal]
// Creates a user in DATABASE_URL (or the embedded database). The password comes from
// BINAAN_NEW_USER_PASSWORD, or is generated and printed once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openDatabase } from '../client.js';
import { hashPassword } from '../passwords.js';
import { userRoles } from '@binaan/domain';

const roles = userRoles;
const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    province: { type: 'string' },
    office: { type: 'string' },
    personal: { type: 'boolean', default: false },
  },
});

const fail = (message: string) => {
  console.error(message);
  process.exit(2);
};
if (!values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email)) fail('--email must be an email address');
if (!values.name) fail('--name is required');
if (!roles.includes(values.role as (typeof roles)[number])) fail(`--role must be one of ${roles.join(', ')}`);
if (values.role === 'REGIONAL_OFFICE' && !values.province) fail('a REGIONAL_OFFICE user needs --province <code>');
if (values.role === 'IMMIGRATION_OFFICE' && !values.office) fail('an IMMIGRATION_OFFICE user needs --office <code>');

const db = await openDatabase();
try {
  const province = values.province ? await db.prisma.province.findUnique({ where: { code: values.province } }) : null;
  const office = values.office
    ? await db.prisma.immigrationOffice.findUnique({ where: { code: values.office } })
    : null;
  if (values.province && !province) fail(`no province has code ${values.province}`);
  if (values.office && !office) fail(`no immigration office has code ${values.office}`);
  const generated = !process.env.BINAAN_NEW_USER_PASSWORD;
  const password = process.env.BINAAN_NEW_USER_PASSWORD ?? randomBytes(12).toString('base64url');
  const user = await db.prisma.user.create({
    data: {
      email: values.email!.toLowerCase(),
      displayName: values.name!,
      passwordHash: await hashPassword(password),
      role: values.role as (typeof roles)[number],
      provinceId: province?.id ?? null,
      officeId: office?.id ?? null,
      canSeePersonalData: values.personal ?? false,
    },
  });
  console.log(`Created user ${user.email} (${user.role}) in ${db.description}.`);
  if (generated) console.log(`Password (shown once): ${password}`);
} finally {
  await db.close();
}
