import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { DASHBOARD_CLIENT_NAME, trustedDocumentId } from '@binaan/client';
import { persistedExchange } from '@urql/exchange-persisted';
import { cacheExchange, Client, fetchExchange, makeOperation, mapExchange, Provider as UrqlProvider } from 'urql';
import { i18n } from '../lib/i18n';

/**
 * A built dashboard sends only the ids of its trusted documents (scripts/trusted-documents.ts writes
 * them next to the bundle; the API in production runs nothing else for this client). The dev server
 * sends full documents, since they change with every edit.
 */
const trustedDocuments = persistedExchange({
  enforcePersistedQueries: true,
  enableForMutation: true,
  preferGetForPersistedQueries: false,
  generateHash: async (_query, document) => trustedDocumentId(document),
});

/**
 * Any write may move any figure (a verified report moves the reports page, a designation the coverage),
 * so every answer in urql's document cache is tied to one shared typename that every mutation also
 * names: after a successful write, each page shows fresh figures the next time it is viewed. Writes are
 * rare next to reads, so refetching everything once after one costs little.
 */
const RECORDS = 'BinaanRecords';
const everyWriteRefreshes = mapExchange({
  onOperation: (operation) =>
    makeOperation(operation.kind, operation, {
      ...operation.context,
      additionalTypenames: [...(operation.context.additionalTypenames ?? []), RECORDS],
    }),
});

/**
 * A session can end while a page is open (an administrator disabled the account, the password was
 * changed elsewhere, it expired). The next answer then says UNAUTHENTICATED: go to the sign-in page,
 * saying why and coming back here after.
 */
const endedSessionSignsIn = mapExchange({
  onResult: (result) => {
    // The frame's own query answers a visitor who never signed in; the frame sends them to sign in itself.
    const definition = result.operation.query.definitions[0];
    const frame = definition?.kind === 'OperationDefinition' && definition.name?.value === 'Shell';
    const ended = !frame && result.error?.graphQLErrors.some((error) => error.extensions?.code === 'UNAUTHENTICATED');
    if (ended && typeof window !== 'undefined' && window.location.pathname !== '/masuk') {
      const next = window.location.pathname + window.location.search;
      window.location.assign(`/masuk?berakhir=1&next=${encodeURIComponent(next)}`);
    }
  },
});

/** The dashboard talks only to the GraphQL API, served from the same origin. */
export const graphqlClient = new Client({
  url: '/graphql',
  exchanges:
    import.meta.env.MODE === 'development'
      ? [everyWriteRefreshes, endedSessionSignsIn, cacheExchange, fetchExchange]
      : [everyWriteRefreshes, endedSessionSignsIn, cacheExchange, trustedDocuments, fetchExchange],
  preferGetMethod: false,
  // The session cookie goes along (same origin); the header names the client (for the CSRF check, the
  // trusted-document rule, logs and metrics); messages come back in the dashboard's language.
  fetchOptions: () => ({
    credentials: 'same-origin',
    headers: { 'x-binaan-client': DASHBOARD_CLIENT_NAME, 'accept-language': i18n.language === 'en' ? 'en' : 'id' },
  }),
});

export function Providers({ children, client = graphqlClient }: { children: ReactNode; client?: Client }) {
  return (
    <I18nextProvider i18n={i18n}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </I18nextProvider>
  );
}
