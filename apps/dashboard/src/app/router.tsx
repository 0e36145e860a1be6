// Routes: each page loads with its own code (and its charts), so the first screen stays small. Its data
// does not wait for that code: a route's loader runs beside its `lazy` (React Router), so the frame's
// query starts as the app starts and an analytics page's own query as soon as the frame knows who is
// signed in, while the page's code is still on its way. The loaders return nothing; the pages read the
// answers through urql, which has them in flight or in its cache.
import type { Client } from 'urql';
import { createBrowserRouter, type LoaderFunctionArgs, Navigate, useLocation } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { useI18n } from '../lib/i18n';
import { ShellQuery } from '../lib/session';
import { Layout } from './layout';
import { type AnalyticsPage, openingQuery } from './opening-queries';

function ToOverview() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/ringkasan', search }} replace />;
}

/**
 * What the first load shows while the frame's loader and the page's code arrive (on a slow link, a few
 * seconds): a page that says it is loading instead of a blank one. React Router renders it only then.
 */
function FirstLoad() {
  const { t } = useI18n();
  return (
    <main className="first-load" aria-busy="true">
      <p role="status">Binaan · {t('common.loading')}</p>
      <div className="skeleton" style={{ height: 320 }} aria-hidden="true" />
    </main>
  );
}

/** Who is signed in (and the filter bar's areas): one request, shared by every loader and the frame. */
const askForTheFrame = (client: Client) => client.query(ShellQuery, {}).toPromise();

/** Starts `page`'s own query once the frame's answer says who is asking; nothing for a visitor not signed in. */
function startingItsQuery(client: Client, page: AnalyticsPage) {
  return ({ request }: LoaderFunctionArgs) => {
    const params = new URL(request.url).searchParams;
    void askForTheFrame(client).then(({ data }) => {
      const me = data?.me;
      if (!me || me.mustChangePassword) return;
      const { query, variables } = openingQuery(page, params, me.permissions.regencyCodes);
      return client.query(query, variables).toPromise();
    });
    return null;
  };
}

export function createRouter(client: Client) {
  return createBrowserRouter([
    { path: '/masuk', element: <SignInPage /> },
    {
      path: '/',
      element: <Layout />,
      HydrateFallback: FirstLoad,
      loader: () => {
        void askForTheFrame(client);
        return null;
      },
      children: [
        { index: true, element: <ToOverview /> },
        {
          path: 'ringkasan',
          loader: startingItsQuery(client, '/ringkasan'),
          lazy: async () => ({ Component: (await import('../features/overview/overview-page')).OverviewPage }),
        },
        {
          path: 'peta',
          loader: startingItsQuery(client, '/peta'),
          lazy: async () => ({ Component: (await import('../features/map/map-page')).MapPage }),
        },
        {
          path: 'cakupan',
          loader: startingItsQuery(client, '/cakupan'),
          lazy: async () => ({ Component: (await import('../features/area-coverage/coverage-page')).CoveragePage }),
        },
        {
          path: 'laporan',
          loader: startingItsQuery(client, '/laporan'),
          lazy: async () => ({ Component: (await import('../features/reports/reports-page')).ReportsPage }),
        },
        {
          path: 'laporan/:id',
          lazy: async () => ({ Component: (await import('../features/report-work/report-page')).ReportPage }),
        },
        {
          path: 'kotak-masuk',
          lazy: async () => ({ Component: (await import('../features/report-work/inbox-page')).InboxPage }),
        },
        {
          path: 'sinyal',
          loader: startingItsQuery(client, '/sinyal'),
          lazy: async () => ({ Component: (await import('../features/signals/signals-page')).SignalsPage }),
        },
        {
          path: 'pelatihan',
          loader: startingItsQuery(client, '/pelatihan'),
          lazy: async () => ({ Component: (await import('../features/training/training-page')).TrainingPage }),
        },
        {
          path: 'pengguna',
          lazy: async () => ({ Component: (await import('../features/users/users-page')).UsersPage }),
        },
        {
          path: 'kata-sandi',
          lazy: async () => ({ Component: (await import('../features/account/password-page')).PasswordPage }),
        },
        {
          path: 'rencana-kerja',
          lazy: async () => ({ Component: (await import('../features/work-plan/work-plan-page')).WorkPlanPage }),
        },
        {
          path: 'desa',
          lazy: async () => ({ Component: (await import('../features/village/village-page')).VillageSearchPage }),
        },
        {
          path: 'desa/:code',
          lazy: async () => ({ Component: (await import('../features/village/village-page')).VillagePage }),
        },
        {
          path: 'token',
          lazy: async () => ({ Component: (await import('../features/tokens/tokens-page')).TokensPage }),
        },
        { path: '*', element: <ToOverview /> },
      ],
    },
  ]);
}
