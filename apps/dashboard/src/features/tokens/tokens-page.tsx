// API tokens for other applications and analysts: issue one (its secret is shown once), see when each
// was last used, revoke it. The server decides what a person may issue; this page offers only scopes
// the person holds.
import { type FormEvent, useState } from 'react';
import { DataTable } from '../../components/ui/data-table';
import { Panel } from '../../components/ui/panel';
import { QueryView } from '../../components/ui/query-view';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useIssueToken, useRevokeToken, useTokens } from './tokens-query';

const SCOPES = ['AGGREGATES_READ', 'RECORDS_READ', 'REPORTS_SUBMIT', 'RECORDS_WRITE'] as const;
type Scope = (typeof SCOPES)[number];

export function TokensPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [result, refetch] = useTokens();
  const [, issue] = useIssueToken();
  const [, revoke] = useRevokeToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['AGGREGATES_READ']);
  const [officeCode, setOfficeCode] = useState('');
  const [days, setDays] = useState(90);
  const [issued, setIssued] = useState<{ name: string; secret: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (!me?.permissions.issueTokens) return <p className="empty-state">{t('tokens.notAllowed')}</p>;
  const mayWrite = me.permissions.writeRecords;
  const offered = SCOPES.filter((scope) => mayWrite || scope === 'AGGREGATES_READ' || scope === 'RECORDS_READ');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setIssued(null);
    const response = await issue({
      input: { name, scopes, expiresInDays: days, ...(officeCode.trim() ? { officeCode: officeCode.trim() } : {}) },
    });
    const payload = response.data?.issueApiToken;
    if (payload?.__typename === 'MutationIssueApiTokenSuccess') {
      setIssued({ name: payload.data.token.name, secret: payload.data.secret });
      setName('');
      refetch({ requestPolicy: 'network-only' });
    } else {
      setFailure(payload && 'message' in payload ? payload.message : (response.error?.message ?? t('common.error')));
    }
  };

  return (
    <>
      <h1>{t('tokens.title')}</h1>
      <p className="page-intro">{t('tokens.intro')}</p>
      <Panel title={t('tokens.issue')}>
        <form className="token-form" onSubmit={submit} aria-label={t('tokens.issue')}>
          <label>
            <span>{t('tokens.name')}</span>
            <input
              required
              minLength={3}
              maxLength={120}
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder={t('tokens.namePlaceholder')}
            />
          </label>
          <fieldset>
            <legend>{t('tokens.scopes')}</legend>
            {offered.map((scope) => (
              <label key={scope} className="checkbox">
                <input
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  onChange={(event) =>
                    setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((other) => other !== scope))
                  }
                />
                {t(`tokens.scope.${scope}`)}
              </label>
            ))}
          </fieldset>
          <label>
            <span>{t('tokens.office')}</span>
            <input
              value={officeCode}
              onChange={(event) => setOfficeCode(event.target.value)}
              placeholder="KANIM-BATULICIN"
            />
          </label>
          <label>
            <span>{t('tokens.days')}</span>
            <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
              {[30, 90, 180, 365].map((value) => (
                <option key={value} value={value}>
                  {t('tokens.daysValue', { count: value })}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={scopes.length === 0}>
            {t('tokens.submit')}
          </button>
          {failure && (
            <p role="alert" className="error-state">
              {failure}
            </p>
          )}
        </form>
        {issued && (
          <div className="token-secret" role="status">
            <p>{t('tokens.secretOnce', { name: issued.name })}</p>
            <code data-testid="token-secret">{issued.secret}</code>
          </div>
        )}
      </Panel>
      <QueryView data={result.data} error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => (
          <section className="panel" aria-label={t('tokens.list')}>
            <DataTable
              caption={t('tokens.list')}
              rows={data.apiTokens}
              rowKey={(token) => token.id}
              emptyMessage={t('tokens.none')}
              columns={[
                { key: 'name', header: t('tokens.name'), cell: (token) => token.name },
                { key: 'scopes', header: t('tokens.scopes'), cell: (token) => token.scopes.join(', ') },
                {
                  key: 'office',
                  header: t('tokens.officeColumn'),
                  cell: (token) => token.office?.name ?? t('tokens.anyOffice'),
                },
                { key: 'created', header: t('tokens.created'), cell: (token) => formatDate(token.createdAt, locale) },
                { key: 'expires', header: t('tokens.expires'), cell: (token) => formatDate(token.expiresAt, locale) },
                {
                  key: 'used',
                  header: t('tokens.lastUsed'),
                  cell: (token) =>
                    token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('tokens.neverUsed'),
                },
                {
                  key: 'state',
                  header: t('tokens.state'),
                  csv: (token) => (token.revokedAt ? t('tokens.revoked') : t('tokens.active')),
                  cell: (token) =>
                    token.revokedAt ? (
                      t('tokens.revoked')
                    ) : (
                      <button
                        type="button"
                        onClick={async () => {
                          await revoke({ id: token.id });
                          refetch({ requestPolicy: 'network-only' });
                        }}
                      >
                        {t('tokens.revoke')}
                      </button>
                    ),
                },
              ]}
            />
          </section>
        )}
      </QueryView>
    </>
  );
}
