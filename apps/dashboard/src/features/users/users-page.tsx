// Accounts, for an administrator: who may sign in, with which role and area; create an account (its
// temporary password is shown once, to hand to its owner), disable or enable one, reset a password.
// The API refuses all of it to anyone else; the navigation only hides the page.
import { type FormEvent, useState } from 'react';
import { roleArea, rolesAllowedPersonalData, type UserRole, userRoles } from '@binaan/domain';
import { Field, SelectField } from '../../components/form/field';
import { FormOutcome, type FormOutcomeState, useFormOutcome } from '../../components/form/form-outcome';
import { DataTable } from '../../components/ui/data-table';
import { Panel } from '../../components/ui/panel';
import { QueryView } from '../../components/ui/query-view';
import { csvFileName } from '../../lib/csv';
import { useFilterOptions } from '../../lib/filters/filter-options';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import {
  useChangeUserAccess,
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

/** What an account may do: its role, the province or office it is tied to, and the personal-data grant. */
interface Access {
  role: UserRole;
  provinceCode: string;
  officeCode: string;
  personal: boolean;
}

const ACCESS_FIELDS = ['role', 'provinceCode', 'officeCode', 'canSeePersonalData'] as const;

/** The access as the API takes it: only the area its role has, and personal data only where allowed. */
function accessInput(access: Access) {
  const area = roleArea[access.role];
  return {
    role: access.role,
    ...(area === 'PROVINCE' ? { provinceCode: access.provinceCode } : {}),
    ...(area === 'OFFICE' ? { officeCode: access.officeCode } : {}),
    canSeePersonalData: rolesAllowedPersonalData.includes(access.role) && access.personal,
  };
}

/** Fields missing before anything is sent: the area the role needs. */
function missingAccess(access: Access, required: string): Record<string, string> {
  const area = roleArea[access.role];
  return {
    ...(area !== 'NONE' && !access.provinceCode ? { provinceCode: required } : {}),
    ...(area === 'OFFICE' && !access.officeCode ? { officeCode: required } : {}),
  };
}

function AccessFields({
  form,
  access,
  onChange,
  errors,
}: {
  form: string;
  access: Access;
  onChange: (access: Access) => void;
  errors: FormOutcomeState['errors'];
}) {
  const { t } = useI18n();
  const { provinces } = useFilterOptions();
  const area = roleArea[access.role];
  const offices = useOfficesOf(area === 'OFFICE' ? access.provinceCode : '');
  return (
    <>
      <div className="form-row">
        <SelectField
          form={form}
          name="role"
          label={t('users.role')}
          errors={errors}
          required
          options={userRoles.map((value) => ({ value, label: t(`users.roles.${value}`) }))}
          value={access.role}
          onChange={(role) => onChange({ ...access, role })}
        />
        {area !== 'NONE' && (
          <SelectField
            form={form}
            name="provinceCode"
            label={t('filters.province')}
            errors={errors}
            required
            placeholder={t('users.choose')}
            options={provinces.map((province) => ({ value: province.code, label: province.name }))}
            value={access.provinceCode}
            onChange={(provinceCode) => onChange({ ...access, provinceCode, officeCode: '' })}
          />
        )}
        {area === 'OFFICE' && (
          <SelectField
            form={form}
            name="officeCode"
            label={t('users.office')}
            errors={errors}
            required
            placeholder={t('users.choose')}
            options={offices.map((office) => ({ value: office.code, label: office.name }))}
            value={access.officeCode}
            onChange={(officeCode) => onChange({ ...access, officeCode })}
          />
        )}
      </div>
      {rolesAllowedPersonalData.includes(access.role) && (
        <label className="choice">
          <input
            type="checkbox"
            name="canSeePersonalData"
            checked={access.personal}
            onChange={(event) => onChange({ ...access, personal: event.target.checked })}
          />
          {t('users.personalGrant')}
        </label>
      )}
      {errors.fields.canSeePersonalData && <p className="field-error">{errors.fields.canSeePersonalData}</p>}
    </>
  );
}

const CREATE = 'create-user';
const CREATE_FIELDS = ['email', 'displayName', ...ACCESS_FIELDS] as const;

function CreateUserForm({ onCreated }: { onCreated: (handed: Handed) => void }) {
  const { t } = useI18n();
  const [{ fetching }, create] = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [access, setAccess] = useState<Access>({
    role: 'IMMIGRATION_OFFICE',
    provinceCode: '',
    officeCode: '',
    personal: false,
  });
  const outcome = useFormOutcome(CREATE_FIELDS);
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
    const missing: Record<string, string> = { ...missingAccess(access, t('form.required')) };
    if (!email.trim()) missing.email = t('form.required');
    if (!displayName.trim()) missing.displayName = t('form.required');
    if (Object.keys(missing).length) return outcome.invalid(missing);
    const response = await create({ input: { email, displayName, ...accessInput(access) } });
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
      <AccessFields form={CREATE} access={access} onChange={setAccess} errors={outcome.errors} />
      <button type="submit" disabled={fetching}>
        {fetching ? t('form.saving') : t('users.create')}
      </button>
    </form>
  );
}

/** A new role or office for an account (an officer moved), effective from its next request. */
function ChangeAccessForm({ account }: { account: Account }) {
  const { t } = useI18n();
  const form = `access-${account.id.replace(/[^A-Za-z0-9]/g, '')}`;
  const [{ fetching }, change] = useChangeUserAccess();
  const [access, setAccess] = useState<Access>({
    role: account.role,
    provinceCode: account.province?.code ?? account.office?.province.code ?? '',
    officeCode: account.office?.code ?? '',
    personal: account.canSeePersonalData,
  });
  const outcome = useFormOutcome([...ACCESS_FIELDS, 'userId']);
  const labels: Record<string, string> = {
    role: t('users.role'),
    provinceCode: t('filters.province'),
    officeCode: t('users.office'),
    canSeePersonalData: t('users.personalGrant'),
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.start();
    const missing = missingAccess(access, t('form.required'));
    if (Object.keys(missing).length) return outcome.invalid(missing);
    const response = await change({ input: { userId: account.id, ...accessInput(access) } });
    const payload = response.data?.changeUserAccess;
    if (payload?.__typename !== 'MutationChangeUserAccessSuccess') return outcome.refuse(payload);
    outcome.succeed(t('users.accessChanged'));
  };
  return (
    <form id={form} className="record-form" onSubmit={submit} noValidate aria-label={t('users.changeAccess')}>
      <FormOutcome form={form} outcome={outcome} labels={labels} />
      <AccessFields form={form} access={access} onChange={setAccess} errors={outcome.errors} />
      <button type="submit" disabled={fetching}>
        {fetching ? t('form.saving') : t('users.changeAccess')}
      </button>
    </form>
  );
}

/** Disable or enable an account, or give it a new temporary password: behind a disclosure, so one stray tap does nothing. */
type Account = NonNullable<ReturnType<typeof useUsers>['data']>['users']['edges'][number]['node'];

function AccountActions({ account, onReset }: { account: Account; onReset: (handed: Handed) => void }) {
  const { t } = useI18n();
  const [{ fetching: disabling }, disable] = useDisableUser();
  const [{ fetching: enabling }, enable] = useEnableUser();
  const [{ fetching: resetting }, reset] = useResetUserPassword();
  const [message, setMessage] = useState<string | null>(null);
  // The access form (and its list of offices) is made when the actions are first opened, not for every
  // account on load; once made it stays, so what was chosen survives closing them.
  const [opened, setOpened] = useState(false);
  const input = { userId: account.id };
  const settle = (payload: { __typename: string; message?: string } | undefined, done: string) =>
    setMessage(payload?.__typename.endsWith('Success') ? done : (payload?.message ?? t('form.failed')));

  return (
    <details className="no-print account-actions" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
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
      {opened && <ChangeAccessForm account={account} />}
    </details>
  );
}
