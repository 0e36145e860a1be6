import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { cacheExchange, Client, fetchExchange, Provider as UrqlProvider } from 'urql';
import { i18n } from '../lib/i18n';

/** The dashboard talks only to the GraphQL API, served from the same origin. */
export const graphqlClient = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
});

export function Providers({ children, client = graphqlClient }: { children: ReactNode; client?: Client }) {
  return (
    <I18nextProvider i18n={i18n}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </I18nextProvider>
  );
}
