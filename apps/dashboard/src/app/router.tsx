// Routes: each page loads with its own code (and its charts), so the first screen stays small.
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { Layout } from './layout';

function ToOverview() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/ringkasan', search }} replace />;
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/masuk', element: <SignInPage /> },
    {
      path: '/',
      element: <Layout />,
      children: [
        { index: true, element: <ToOverview /> },
        {
          path: 'ringkasan',
          lazy: async () => ({ Component: (await import('../features/overview/overview-page')).OverviewPage }),
        },
        {
          path: 'peta',
          lazy: async () => ({ Component: (await import('../features/map/map-page')).MapPage }),
        },
        {
          path: 'cakupan',
          lazy: async () => ({ Component: (await import('../features/area-coverage/coverage-page')).CoveragePage }),
        },
        {
          path: 'laporan',
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
          lazy: async () => ({ Component: (await import('../features/signals/signals-page')).SignalsPage }),
        },
        {
          path: 'pelatihan',
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
