// Accounts, for an administrator: who may sign in, with which role and area; create an account (its
// temporary password is shown once, to hand to its owner), disable or enable one, reset a password.
// The API refuses all of it to anyone else; the navigation only hides the page.
import { type FormEvent, useState } from 'react';
import { roleArea, rolesAllowedPersonalData, type UserRole, userRoles } from '@binaan/domain';
import { Field, SelectField } from '../../components/form/field';
import { FormOutcome, useFormOutcome } from '../../components/form/form-outcome';
import { DataTable } from '../../components/ui/data-table';
import { Panel } from '../../components/ui/panel';
import { QueryView } from '../../components/ui/query-view';
import { csvFileName } from '../../lib/csv';
import { useFilterOptions } from '../../lib/filters/filter-options';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import {
  useCreateUser,
  useDisableUser,
  useEnableUser,
  useOfficesOf,
  useResetUserPassword,
  useUsers,
} from './users-query';

interface Handed {
  email: string;
  temporaryPassword: string;
}

export function UsersPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [search, setSearch] = useState('');
  const { data, error, retry } = useUsers(search);
  // The temporary password of the last account made or reset: shown once, here.
  const [handed, setHanded] = useState<Handed | null>(null);

  return (
    <>
      <h1>{t('users.title')}</h1>
      <Panel title={t('users.create')}>
        <CreateUserForm onCreated={setHanded} />
      </Panel>
      {handed && (
        <div className="token-secret" role="status">
          <p>{t('users.handOnce', { email: handed.email })}</p>
          <code data-testid="temporary-password">{handed.temporaryPassword}</code>
        </div>
      )}
      <section className="panel" aria-label={t('users.list')}>
        <label className="field no-print">
          {t('users.search')}
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <QueryView data={data} error={error} retry={retry}>
          {({ users }) => (
            <DataTable
              caption={t('users.listCount', { count: users.totalCount })}
              rows={users.edges.map((edge) => edge.node)}
              rowKey={(user) => user.id}
              csvFileName={csvFileName(['pengguna'])}
              csvLabel={t('common.exportCsv')}
              columns={[
                { key: 'name', header: t('users.displayName'), cell: (user) => user.displayName },
                { key: 'email', header: t('users.email'), cell: (user) => user.email },
                { key: 'role', header: t('users.role'), cell: (user) => t(`users.roles.${user.role}`) },
                {
                  key: 'area',
                  header: t('users.area'),
                  cell: (user) => user.office?.name ?? user.province?.name ?? t('users.wholeCountry'),
                },
                {
                  key: 'personal',
                  header: t('users.personal'),
                  cell: (user) => (user.canSeePersonalData ? t('common.yes') : t('common.no')),
                },
                {
                  key: 'status',
                  header: t('users.status'),
                  cell: (user) =>
                    user.disabledAt
                      ? t('users.disabled')
                      : user.mustChangePassword
                        ? t('users.mustChange')
                        : t('users.active'),
                },
                {
                  key: 'lastSignIn',
                  header: t('users.lastSignIn'),
                  cell: (user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt, locale) : '–'),
                  csv: (user) => user.lastSignInAt ?? '',
                },
                {
                  key: 'actions',
                  header: t('users.actions'),
                  cell: (user) =>
                    me?.email === user.email ? (
                      <span className="muted">{t('users.yourself')}</span>
                    ) : (
                      <AccountActions account={user} onReset={setHanded} />
                    ),
                  csv: () => '',
                },
              ]}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}

const CREATE = 'create-user';
const CREATE_FIELDS = ['email', 'displayName', 'role', 'provinceCode', 'officeCode', 'canSeePersonalData'] as const;

function CreateUserForm({ onCreated }: { onCreated: (handed: Handed) => void }) {
  const { t } = useI18n();
  const { provinces } = useFilterOptions();
  const [{ fetching }, create] = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<UserRole>('IMMIGRATION_OFFICE');
  const [provinceCode, setProvinceCode] = useState('');
  const [officeCode, setOfficeCode] = useState('');
  const [personal, setPersonal] = useState(false);
  const offices = useOfficesOf(roleArea[role] === 'OFFICE' ? provinceCode : '');
  const outcome = useFormOutcome(CREATE_FIELDS);
  const area = roleArea[role];
  const mayHavePersonal = rolesAllowedPersonalData.includes(role);
  const labels: Record<string, string> = {
    email: t('users.email'),
    displayName: t('users.displayName'),
    role: t('users.role'),
    provinceCode: t('filters.province'),
    officeCode: t('users.office'),
    canSeePersonalData: t('users.personalGrant'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.start();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = t('form.required');
    if (!displayName.trim()) missing.displayName = t('form.required');
    if (area !== 'NONE' && !provinceCode) missing.provinceCode = t('form.required');
    if (area === 'OFFICE' && !officeCode) missing.officeCode = t('form.required');
    if (Object.keys(missing).length) return outcome.invalid(missing);
    const response = await create({
      input: {
        email,
        displayName,
        role,
        ...(area === 'PROVINCE' ? { provinceCode } : {}),
        ...(area === 'OFFICE' ? { officeCode } : {}),
        canSeePersonalData: mayHavePersonal && personal,
      },
    });
    const payload = response.data?.createUser;
    if (payload?.__typename !== 'MutationCreateUserSuccess') return outcome.refuse(payload);
    onCreated({ email: payload.data.user.email, temporaryPassword: payload.data.temporaryPassword });
    outcome.succeed(t('users.created', { email: payload.data.user.email }));
    setEmail('');
    setDisplayName('');
  };

  return (
    <form id={CREATE} className="record-form" onSubmit={submit} noValidate aria-label={t('users.create')}>
      <FormOutcome form={CREATE} outcome={outcome} labels={labels} />
      <div className="form-row">
        <Field form={CREATE} name="email" label={labels.email!} errors={outcome.errors} required>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field form={CREATE} name="displayName" label={labels.displayName!} errors={outcome.errors} required>
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-row">
        <SelectField
          form={CREATE}
          name="role"
          label={labels.role!}
          errors={outcome.errors}
          required
          options={userRoles.map((value) => ({ value, label: t(`users.roles.${value}`) }))}
          value={role}
          onChange={setRole}
        />
        {area !== 'NONE' && (
          <Field form={CREATE} name="provinceCode" label={labels.provinceCode!} errors={outcome.errors} required>
            {(control) => (
              <select
                {...control}
                value={provinceCode}
                onChange={(event) => {
                  setProvinceCode(event.target.value);
                  setOfficeCode('');
                }}
              >
                <option value="">{t('users.choose')}</option>
                {provinces.map((province) => (
                  <option key={province.code} value={province.code}>
                    {province.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {area === 'OFFICE' && (
          <SelectField
            form={CREATE}
            name="officeCode"
            label={labels.officeCode!}
            errors={outcome.errors}
            required
            placeholder={t('users.choose')}
            options={offices.map((office) => ({ value: office.code, label: office.name }))}
            value={officeCode}
            onChange={setOfficeCode}
          />
        )}
      </div>
      {mayHavePersonal && (
        <label className="choice">
          <input type="checkbox" checked={personal} onChange={(event) => setPersonal(event.target.checked)} />
          {labels.canSeePersonalData}
        </label>
      )}
      {outcome.errors.fields.canSeePersonalData && (
        <p className="field-error">{outcome.errors.fields.canSeePersonalData}</p>
      )}
      <button type="submit" disabled={fetching}>
        {fetching ? t('form.saving') : t('users.create')}
      </button>
    </form>
  );
}

/** Disable or enable an account, or give it a new temporary password: behind a disclosure, so one stray tap does nothing. */
function AccountActions({
  account,
  onReset,
}: {
  account: { id: string; email: string; disabledAt: string | null };
  onReset: (handed: Handed) => void;
}) {
  const { t } = useI18n();
  const [{ fetching: disabling }, disable] = useDisableUser();
  const [{ fetching: enabling }, enable] = useEnableUser();
  const [{ fetching: resetting }, reset] = useResetUserPassword();
  const [message, setMessage] = useState<string | null>(null);
  const input = { userId: account.id };
  const settle = (payload: { __typename: string; message?: string } | undefined, done: string) =>
    setMessage(payload?.__typename.endsWith('Success') ? done : (payload?.message ?? t('form.failed')));

  return (
    <details className="no-print account-actions">
      <summary>{t('users.actions')}</summary>
      <div className="account-action-buttons">
        {account.disabledAt ? (
          <button
            type="button"
            disabled={enabling}
            onClick={async () => settle((await enable({ input })).data?.enableUser, t('users.enabled'))}
          >
            {t('users.enable')}
          </button>
        ) : (
          <button
            type="button"
            className="danger"
            disabled={disabling}
            onClick={async () => settle((await disable({ input })).data?.disableUser, t('users.disabledNow'))}
          >
            {t('users.disable')}
          </button>
        )}
        <button
          type="button"
          disabled={resetting}
          onClick={async () => {
            const payload = (await reset({ input })).data?.resetUserPassword;
            if (payload?.__typename === 'MutationResetUserPasswordSuccess') {
              onReset({ email: account.email, temporaryPassword: payload.data.temporaryPassword });
            }
            settle(payload, t('users.resetDone'));
          }}
        >
          {t('users.reset')}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </details>
  );
}
