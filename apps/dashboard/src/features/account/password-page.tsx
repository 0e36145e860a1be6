// Change your own password. After a temporary one (a new account, or a reset by an administrator) this
// is the only page that opens until it is done. The rules are the API's (NIST SP 800-63B: length
// first, any characters, nothing common or guessable); the page says them up front and shows the
// API's verdict beside each field.
import { type FormEvent, useState } from 'react';
import { MIN_PASSWORD_LENGTH, passwordLength } from '@binaan/domain';
import { Field } from '../../components/form/field';
import { FormOutcome, useFormOutcome } from '../../components/form/form-outcome';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useChangeOwnPassword } from './password-query';

const FORM = 'password';
const FIELDS = ['currentPassword', 'newPassword', 'confirmation'] as const;

export function PasswordPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [{ fetching }, change] = useChangeOwnPassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const outcome = useFormOutcome(FIELDS);
  const required = me?.mustChangePassword === true;
  const labels: Record<string, string> = {
    currentPassword: required ? t('password.temporary') : t('password.current'),
    newPassword: t('password.new'),
    confirmation: t('password.confirm'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    outcome.start();
    const problems: Record<string, string> = {};
    if (!currentPassword) problems.currentPassword = t('form.required');
    if (passwordLength(newPassword) < MIN_PASSWORD_LENGTH) {
      problems.newPassword = t('password.tooShort', { count: MIN_PASSWORD_LENGTH });
    }
    if (confirmation !== newPassword) problems.confirmation = t('password.mismatch');
    if (Object.keys(problems).length) return outcome.invalid(problems);
    const response = await change({ input: { currentPassword, newPassword } });
    const payload = response.data?.changeOwnPassword;
    if (payload?.__typename === 'SignInThrottledError') {
      return outcome.conflict(t('auth.wait', { minutes: Math.max(1, Math.ceil(payload.retryAfterSeconds / 60)) }));
    }
    if (payload?.__typename !== 'MutationChangeOwnPasswordSuccess') return outcome.refuse(payload);
    // A fresh load: the session's permissions (opened by the change) and the cache start clean.
    if (required) return window.location.assign('/ringkasan');
    setCurrentPassword('');
    setNewPassword('');
    setConfirmation('');
    outcome.succeed(t('password.changed'));
  };

  return (
    <>
      <h1>{t('password.title')}</h1>
      {required && (
        <p className="lead" role="status">
          {t('password.mustChange')}
        </p>
      )}
      <section className="panel">
        <form id={FORM} className="record-form" onSubmit={submit} noValidate aria-label={t('password.title')}>
          <FormOutcome form={FORM} outcome={outcome} labels={labels} />
          {/* The account's email lets a password manager file the new password under it. */}
          <input type="email" name="username" autoComplete="username" value={me?.email ?? ''} readOnly hidden />
          <Field form={FORM} name="currentPassword" label={labels.currentPassword!} errors={outcome.errors} required>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="current-password"
                value={currentPassword}
                onChange={(event) => setCurrentPassword(event.target.value)}
              />
            )}
          </Field>
          <Field
            form={FORM}
            name="newPassword"
            label={labels.newPassword!}
            hint={t('password.rules', { count: MIN_PASSWORD_LENGTH })}
            errors={outcome.errors}
            required
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={newPassword}
                onChange={(event) => setNewPassword(event.target.value)}
              />
            )}
          </Field>
          <Field form={FORM} name="confirmation" label={labels.confirmation!} errors={outcome.errors} required>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={confirmation}
                onChange={(event) => setConfirmation(event.target.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={fetching}>
            {fetching ? t('form.saving') : t('password.save')}
          </button>
        </form>
      </section>
    </>
  );
}
