import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { useSignIn } from '../../lib/session';

export function SignInPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [, signIn] = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const result = await signIn({ input: { email, password } });
    setBusy(false);
    if (result.data?.signIn.__typename === 'MutationSignInSuccess') {
      // A fresh page load starts with a clean cache for the new user.
      const next = params.get('next');
      window.location.assign(next?.startsWith('/') && !next.startsWith('//') ? next : '/ringkasan');
    } else if (result.data?.signIn.__typename === 'SignInThrottledError') {
      const minutes = Math.max(1, Math.ceil(result.data.signIn.retryAfterSeconds / 60));
      setFailure(t(result.data.signIn.locked ? 'auth.locked' : 'auth.wait', { minutes }));
    } else {
      setFailure(t('auth.failed'));
    }
  };

  return (
    <main id="content" className="sign-in">
      <h1>{t('app.title')}</h1>
      <p>{t('app.subtitle')}</p>
      <form onSubmit={submit} aria-label={t('auth.title')}>
        <h2>{t('auth.title')}</h2>
        {params.get('berakhir') === '1' && (
          <p role="status" className="notice" data-testid="session-ended">
            {t('auth.sessionEnded')}
          </p>
        )}
        <label>
          <span>{t('auth.email')}</span>
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label>
          <span>{t('auth.password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {failure && (
          <p role="alert" className="error-state">
            {failure}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('auth.submit')}
        </button>
      </form>
    </main>
  );
}
