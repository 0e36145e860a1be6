// The frame of every page: title, navigation, language switch, print, the filter bar, and (in print) the
// filters that produced the page.
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { Skeleton } from '../components/ui/states';
import { useSession, useSignOut } from '../lib/session';
import { FilterBar } from '../components/filter-bar';
import { useFilterOptions } from '../lib/filters/filter-options';
import { describeFilters, useDashboardFilters } from '../lib/filters/url-filters';
import type { Locale } from '../lib/format';
import { setLocale, useI18n } from '../lib/i18n';

const pages = [
  { path: '/ringkasan', key: 'overview' },
  { path: '/peta', key: 'map' },
  { path: '/cakupan', key: 'coverage' },
  { path: '/laporan', key: 'reports' },
  { path: '/sinyal', key: 'signals' },
  { path: '/pelatihan', key: 'training' },
  { path: '/rencana-kerja', key: 'workPlan' },
  { path: '/desa', key: 'village' },
] as const;
/** Pages about the programme's figures have the filter bar; the work pages and the token page do not. */
const inboxPage = { path: '/kotak-masuk', key: 'inbox' } as const;
const tokensPage = { path: '/token', key: 'tokens' } as const;
const usersPage = { path: '/pengguna', key: 'users' } as const;
const PASSWORD_PAGE = '/kata-sandi';
const withoutFilterBar = [
  /^\/kotak-masuk/,
  /^\/laporan\/./,
  /^\/token/,
  /^\/rencana-kerja/,
  /^\/pengguna/,
  /^\/kata-sandi/,
];

export function Layout() {
  const { t } = useI18n();
  const { me, fetching } = useSession();
  const { pathname, search: currentSearch } = useLocation();
  if (fetching) return <Skeleton label={t('common.loading')} height={400} />;
  if (!me) return <Navigate to={`/masuk?next=${encodeURIComponent(pathname + currentSearch)}`} replace />;
  // A temporary password opens nothing else (the API refuses the rest too).
  if (me.mustChangePassword && pathname !== PASSWORD_PAGE) return <Navigate to={PASSWORD_PAGE} replace />;
  return <SignedInLayout me={me} />;
}

function SignedInLayout({ me }: { me: NonNullable<ReturnType<typeof useSession>['me']> }) {
  const { t, locale } = useI18n();
  const [, signOut] = useSignOut();
  const { filters } = useDashboardFilters();
  const { provinces } = useFilterOptions();
  const areaNames = new Map(
    provinces.flatMap((province) => [
      [province.code, province.name] as const,
      ...province.regencies.map((regency) => [regency.code, regency.name] as const),
    ]),
  );
  const { search, pathname } = useLocation();
  const onDataPage = !withoutFilterBar.some((page) => page.test(pathname));
  const navigation = me.mustChangePassword
    ? []
    : [
        ...(me.permissions.writeRecords ? [inboxPage] : []),
        // The village pages are records; an administrator reads figures only.
        ...pages.filter((page) => page.key !== 'village' || me.permissions.readRecords),
        ...(me.permissions.issueTokens ? [tokensPage] : []),
        ...(me.permissions.administerUsers ? [usersPage] : []),
      ];
  return (
    <div className="app">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <p className="brand-title">{t('app.title')}</p>
          <p className="brand-subtitle">{t('app.subtitle')}</p>
        </div>
        <nav aria-label={t('app.title')} className="no-print">
          <ul>
            {navigation.map((page) => (
              <li key={page.path}>
                <NavLink to={{ pathname: page.path, search }}>{t(`nav.${page.key}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-actions no-print">
          <p className="signed-in" data-testid="signed-in">
            {t('auth.signedInAs', { name: me.displayName })}
            <br />
            <small>{me.area ?? t('auth.wholeCountry')}</small>
          </p>
          <NavLink className="button-link" to={PASSWORD_PAGE}>
            {t('auth.changePassword')}
          </NavLink>
          <button
            type="button"
            onClick={async () => {
              await signOut({});
              window.location.assign('/masuk');
            }}
          >
            {t('auth.signOut')}
          </button>
          <label>
            <span className="visually-hidden">{t('app.language')}</span>
            <select
              aria-label={t('app.language')}
              value={locale}
              onChange={(event) => setLocale(event.target.value as Locale)}
            >
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="button" onClick={() => window.print()}>
            {t('app.print')}
          </button>
        </div>
      </header>
      {onDataPage && <FilterBar />}
      {onDataPage && (
        <p className="print-only applied-filters">
          {t('filters.applied', { filters: describeFilters(filters, t, areaNames) })}
        </p>
      )}
      <main id="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
