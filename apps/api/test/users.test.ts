// Accounts managed by an administrator (issue 15): create with a temporary password that must be changed
// first, NIST-style password rules, disable (open sessions stop at the next request), reset; and nobody
// else may do any of it. Every refusal writes nothing; the audit trail never holds a password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_FIELDS, refusedPaths } from './support/mutation-checks.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) {
  ${ERROR_FIELDS} ... on MutationCreateUserSuccess { data { temporaryPassword user { id email role mustChangePassword office { code } } } } } }`;
const DISABLE = `mutation($id: ID!) { disableUser(input: { userId: $id }) { ${ERROR_FIELDS} ... on MutationDisableUserSuccess { data { disabledAt } } } }`;
const RESET = `mutation($id: ID!) { resetUserPassword(input: { userId: $id }) { ${ERROR_FIELDS} ... on MutationResetUserPasswordSuccess { data { temporaryPassword } } } }`;
const CHANGE = `mutation($input: ChangeOwnPasswordInput!) { changeOwnPassword(input: $input) { ${ERROR_FIELDS} ... on MutationChangeOwnPasswordSuccess { data } } }`;
const GOOD_PASSWORD = 'perahu layar menyeberang teluk kotabaru pagi';

describe('accounts', () => {
  let api: SeededApi;

  beforeAll(async () => {
    api = await createSeededApi();
  });
  afterAll(async () => {
    await api.dispose();
  });

  /** Signs in with a password and returns the session cookie (or the refusal). */
  async function signIn(email: string, password: string) {
    const response = await api.post(
      {
        query: `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on MutationSignInSuccess { data { mustChangePassword } } } }`,
        variables: { input: { email, password } },
      },
      'anonymous',
    );
    const body = await response.json();
    return { cookie: response.headers.get('set-cookie')?.split(';')[0] ?? null, payload: body.data.signIn };
  }
  const asCookie = async (cookie: string, query: string, variables: Record<string, unknown> = {}) =>
    (await api.post({ query, variables }, 'anonymous', { cookie })).json();
  const users = async () => (await api.db.sql.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM app_user'))[0]!.n;

  it('lets an administrator create a Kanim account, reporting every invalid field at once first', async () => {
    const before = await users();
    const bad = await api.graphql(
      CREATE,
      {
        input: {
          email: 'petugas.baru@imigrasi.go.id',
          displayName: 'Petugas Baru',
          role: 'ANALYST',
          officeCode: 'KANIM-BATULICIN',
          canSeePersonalData: true,
        },
      },
      'admin',
    );
    expect(bad.data!.createUser.__typename).toBe('InputValidationError');
    expect(refusedPaths(bad.data!.createUser)).toEqual([
      ['input', 'officeCode'],
      ['input', 'canSeePersonalData'],
    ]);
    expect(await users()).toBe(before);

    const created = await api.graphql(
      CREATE,
      {
        input: {
          email: 'Petugas.Baru@imigrasi.go.id',
          displayName: 'Petugas Baru',
          role: 'IMMIGRATION_OFFICE',
          officeCode: 'KANIM-BATULICIN',
          canSeePersonalData: true,
        },
      },
      'admin',
    );
    const { temporaryPassword, user } = created.data!.createUser.data;
    expect(user).toMatchObject({
      email: 'petugas.baru@imigrasi.go.id',
      role: 'IMMIGRATION_OFFICE',
      mustChangePassword: true,
      office: { code: 'KANIM-BATULICIN' },
    });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const again = await api.graphql(
      CREATE,
      { input: { email: 'petugas.baru@imigrasi.go.id', displayName: 'X Y', role: 'ANALYST' } },
      'admin',
    );
    expect(again.data!.createUser).toMatchObject({ __typename: 'ConflictError', path: ['input', 'email'] });
    // The audit trail knows the account was made, never its password or hash.
    const [entry] = await api.db.sql.query<{ after: string }>(
      `SELECT after::text FROM audit_log WHERE action = 'createUser' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry!.after).toContain('petugas.baru@imigrasi.go.id');
    expect(entry!.after).not.toContain(temporaryPassword);
    expect(entry!.after).not.toMatch(/scrypt|passwordHash/);
  });

  it('opens nothing but the password change until the temporary password is replaced by an acceptable one', async () => {
    const [{ temporaryPassword }] = [
      (
        await api.graphql(
          CREATE,
          {
            input: {
              email: 'kanwil.baru@imigrasi.go.id',
              displayName: 'Kanwil Baru',
              role: 'REGIONAL_OFFICE',
              provinceCode: '53',
            },
          },
          'admin',
        )
      ).data!.createUser.data,
    ];
    const { cookie, payload } = await signIn('kanwil.baru@imigrasi.go.id', temporaryPassword);
    expect(payload).toEqual({ __typename: 'MutationSignInSuccess', data: { mustChangePassword: true } });
    const blocked = await asCookie(cookie!, '{ designations(first: 1) { totalCount } }');
    expect(blocked.errors[0].message).toBe('Ganti dulu kata sandi sementara Anda.');

    // A wrong current password and a guessable new one are both reported, and nothing changes.
    const both = await asCookie(cookie!, CHANGE, {
      input: { currentPassword: 'not-the-password', newPassword: 'binaanbinaan2026' },
    });
    expect(refusedPaths(both.data.changeOwnPassword)).toEqual([
      ['input', 'currentPassword'],
      ['input', 'newPassword'],
    ]);
    const short = await asCookie(cookie!, CHANGE, {
      input: { currentPassword: temporaryPassword, newPassword: 'Tr0ub4dor&3' },
    });
    expect(short.data.changeOwnPassword.message).toContain('paling sedikit 15 karakter');
    const common = await asCookie(cookie!, CHANGE, {
      input: { currentPassword: temporaryPassword, newPassword: 'password1234567890' },
    });
    expect(common.data.changeOwnPassword.__typename).toBe('InputValidationError');

    const changed = await asCookie(cookie!, CHANGE, {
      input: { currentPassword: temporaryPassword, newPassword: GOOD_PASSWORD },
    });
    expect(changed.data.changeOwnPassword).toEqual({ __typename: 'MutationChangeOwnPasswordSuccess', data: true });
    // The same session now reads its province; the temporary password no longer signs in.
    const open = await asCookie(cookie!, '{ me { mustChangePassword } designations(first: 1) { totalCount } }');
    expect(open.errors).toBeUndefined();
    expect(open.data.me.mustChangePassword).toBe(false);
    expect((await signIn('kanwil.baru@imigrasi.go.id', temporaryPassword)).payload.__typename).toBe(
      'InvalidCredentialsError',
    );
    expect((await signIn('kanwil.baru@imigrasi.go.id', GOOD_PASSWORD)).payload.data.mustChangePassword).toBe(false);
  });

  it('disables an account: its open session stops at the next request, and it cannot sign in', async () => {
    const { temporaryPassword, user } = (
      await api.graphql(
        CREATE,
        { input: { email: 'analis.baru@imigrasi.go.id', displayName: 'Analis Baru', role: 'ANALYST' } },
        'admin',
      )
    ).data!.createUser.data;
    const { cookie } = await signIn('analis.baru@imigrasi.go.id', temporaryPassword);
    await asCookie(cookie!, CHANGE, { input: { currentPassword: temporaryPassword, newPassword: GOOD_PASSWORD } });
    expect((await asCookie(cookie!, '{ me { email } }')).data.me.email).toBe('analis.baru@imigrasi.go.id');

    const disabled = await api.graphql(DISABLE, { id: user.id }, 'admin');
    expect(disabled.data!.disableUser.__typename).toBe('MutationDisableUserSuccess');
    expect((await asCookie(cookie!, '{ me { email } }')).data.me).toBeNull();
    expect((await signIn('analis.baru@imigrasi.go.id', GOOD_PASSWORD)).payload.__typename).toBe(
      'InvalidCredentialsError',
    );
    const twice = await api.graphql(DISABLE, { id: user.id }, 'admin');
    expect(twice.data!.disableUser).toMatchObject({ __typename: 'ConflictError', path: ['input', 'userId'] });
  });

  it('resets a password: open sessions end and the new temporary password must be changed', async () => {
    const { user } = (
      await api.graphql(
        CREATE,
        { input: { email: 'lupa.sandi@imigrasi.go.id', displayName: 'Lupa Sandi', role: 'NATIONAL_LEADERSHIP' } },
        'admin',
      )
    ).data!.createUser.data;
    const reset = await api.graphql(RESET, { id: user.id }, 'admin');
    const temporaryPassword = reset.data!.resetUserPassword.data.temporaryPassword;
    const { payload } = await signIn('lupa.sandi@imigrasi.go.id', temporaryPassword);
    expect(payload.data.mustChangePassword).toBe(true);
  });

  it("changes an account's access: the next request already sees the new office's area", async () => {
    const { temporaryPassword, user } = (
      await api.graphql(
        CREATE,
        {
          input: {
            email: 'pindah.kantor@imigrasi.go.id',
            displayName: 'Pindah Kantor',
            role: 'IMMIGRATION_OFFICE',
            officeCode: 'KANIM-BATULICIN',
          },
        },
        'admin',
      )
    ).data!.createUser.data;
    const { cookie } = await signIn('pindah.kantor@imigrasi.go.id', temporaryPassword);
    await asCookie(cookie!, CHANGE, { input: { currentPassword: temporaryPassword, newPassword: GOOD_PASSWORD } });
    const areaOf = async () => (await asCookie(cookie!, '{ me { area permissions { regencyCodes } } }')).data.me;
    expect((await areaOf()).permissions.regencyCodes).toContain('63.02');

    const CHANGE_ACCESS = `mutation($input: ChangeUserAccessInput!) { changeUserAccess(input: $input) {
      ${ERROR_FIELDS} ... on MutationChangeUserAccessSuccess { data { role office { code } province { code } } } } }`;
    const both = await api.graphql(
      CHANGE_ACCESS,
      { input: { userId: user.id, role: 'REGIONAL_OFFICE', officeCode: 'KANIM-KUPANG', canSeePersonalData: false } },
      'admin',
    );
    expect(refusedPaths(both.data!.changeUserAccess)).toEqual([
      ['input', 'provinceCode'],
      ['input', 'officeCode'],
    ]);
    const moved = await api.graphql(
      CHANGE_ACCESS,
      { input: { userId: user.id, role: 'IMMIGRATION_OFFICE', officeCode: 'KANIM-KUPANG', canSeePersonalData: true } },
      'admin',
    );
    expect(moved.data!.changeUserAccess.data).toEqual({
      role: 'IMMIGRATION_OFFICE',
      office: { code: 'KANIM-KUPANG' },
      province: null,
    });
    const now = await areaOf();
    expect(now.permissions.regencyCodes).not.toContain('63.02');
    expect(now.permissions.regencyCodes).toContain('53.71');
  });

  it('refuses all of it to anyone but an administrator, and an administrator their own account', async () => {
    const before = await users();
    const byKanim = await api.graphql(
      CREATE,
      { input: { email: 'x@imigrasi.go.id', displayName: 'X Y', role: 'ANALYST' } },
      'kanim',
    );
    expect(byKanim.data!.createUser.__typename).toBe('ForbiddenError');
    const list = await api.graphql('{ users(first: 5) { totalCount } }', {}, 'national');
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await users()).toBe(before);

    const me = await api.graphql(
      `{ users(first: 1, filter: { search: "admin@binaan" }) { totalCount edges { node { id email } } } }`,
      {},
      'admin',
    );
    expect(me.data!.users.totalCount).toBe(1);
    const self = await api.graphql(DISABLE, { id: me.data!.users.edges[0].node.id }, 'admin');
    expect(self.data!.disableUser).toMatchObject({ __typename: 'ConflictError', path: ['input', 'userId'] });
  });
});
