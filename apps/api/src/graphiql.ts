// GraphiQL from the API's own files: Yoga's page loads its code and styles from a public CDN, which a
// closed network (a government office, a machine without internet) never reaches, and the page stays on
// "Loading…". The same files ship in the npm package @graphql-yoga/graphiql; the API serves them at
// GRAPHIQL_ASSETS and the page points there.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderGraphiQL } from 'graphql-yoga';

export const GRAPHIQL_ASSETS = '/graphiql-assets/';

/** The package's built files (graphiql.css, yoga-graphiql.umd.js, the editor's workers). */
export const graphiqlAssetsDir = join(
  dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json')),
  'dist',
);

const CDN_DIST = /https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist\//g;
const EXTERNAL_ICON = /<link rel=icon href=https:[^>]*>/;

/** Yoga's GraphiQL page, with every file it loads served by the API itself. */
export function renderOfflineGraphiQL(options: Parameters<typeof renderGraphiQL>[0]): string {
  const html = renderGraphiQL(options).replace(EXTERNAL_ICON, '').replace(CDN_DIST, GRAPHIQL_ASSETS);
  // A new Yoga version that loads something else from outside would fail here, not in a closed office.
  if (/\b(src|href)=["']?https?:/.test(html) || html.includes('unpkg.com'))
    throw new Error('GraphiQL would load files from outside the API');
  return html;
}
