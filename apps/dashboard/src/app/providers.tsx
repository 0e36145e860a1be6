import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { cacheExchange, Client, fetchExchange, Provider as UrqlProvider } from 'urql';
import { i18n } from '../lib/i18n';

/** The dashboard talks only to the GraphQL API, served from the same origin. */
export const graphqlClient = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
  // The session cookie goes along (same origin); the header satisfies the API's CSRF check; messages
  // come back in the dashboard's language.
  fetchOptions: () => ({
    credentials: 'same-origin',
    headers: { 'x-binaan-client': 'dashboard', 'accept-language': i18n.language === 'en' ? 'en' : 'id' },
  }),
});

export function Providers({ children, client = graphqlClient }: { children: ReactNode; client?: Client }) {
  return (
    <I18nextProvider i18n={i18n}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </I18nextProvider>
  );
}
