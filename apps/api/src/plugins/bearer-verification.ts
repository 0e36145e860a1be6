// A request that presents a bearer credential is that credential's, or nobody's: one that does not verify
// (unknown, expired, revoked, made up) is refused with 401 before anything runs, never served as a weaker
// caller. (A stale session cookie is different: the browser sends it by itself, and the dashboard then
// shows the sign-in page, so such a request is served as anonymous.)
import type { Database } from '@binaan/db';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { bearerOf } from '../auth/caller.js';
import { identifyRequest, localeOf } from '../context.js';
import { localize } from '../messages.js';

export function useBearerVerification(db: Database): Plugin {
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      if (bearerOf(request) === null) return;
      // A lookup that fails for want of a database is answered by the request itself (503), not here.
      const actor = await identifyRequest(db, request).then(
        (identity) => identity.actor,
        () => null,
      );
      if (actor !== 'anonymous') return;
      const error = createGraphQLError(
        localize('The bearer token is not valid (unknown, expired or revoked).', localeOf(request)),
        { extensions: { code: 'UNAUTHENTICATED' } },
      );
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [error.toJSON()] }), {
          status: 401,
          headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' },
        }),
      );
    },
  };
}
