// The GraphQL server as a fetch handler (tests call yoga.fetch; server.ts listens on a port).
import type { Database } from '@binaan/db';
import { createYoga } from 'graphql-yoga';
import { createContext } from './context.js';
import { exampleQueries } from './example-queries.js';
import { schema } from './schema/index.js';

export interface AppOptions {
  db: Database;
  /** Production mode: no GraphiQL. */
  production?: boolean;
}

export function createApp({ db, production = false }: AppOptions) {
  return createYoga({
    schema,
    context: () => createContext(db),
    graphqlEndpoint: '/graphql',
    maskedErrors: true,
    landingPage: false,
    graphiql: production
      ? false
      : {
          title: 'Binaan GraphQL',
          // Every example as a named operation: pick one with the run button's menu.
          defaultQuery: exampleQueries.map((example) => `# ${example.title}\n${example.query}`).join('\n\n'),
        },
  });
}

export type App = ReturnType<typeof createApp>;
