// Trusted documents (persisted operations). The dashboard's build writes every document it can send to
// trusted-documents.json; a built dashboard sends only their ids. In production the API runs nothing
// else for the dashboard's client id, nor for anyone without an API token, so a stolen browser session
// cannot be used to run arbitrary queries. Applications with a token may send any document within the
// operation limits (yoga.ts). Outside production everything is allowed (GraphiQL, the Vite dev server).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { DASHBOARD_CLIENT_NAME, type TrustedDocumentManifest } from '@binaan/client';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError } from 'graphql-yoga';
import { bearerOf } from '../auth/caller.js';
import { isApiToken } from '../auth/tokens.js';
import { localeOf } from '../context.js';
import { localize } from '../messages.js';

export interface TrustedDocumentsOptions {
  /** The documents, or a function giving the current ones (trustedDocumentsFile). */
  manifest: TrustedDocumentManifest | (() => TrustedDocumentManifest);
  /** Only trusted documents, except for callers with an API token that are not the dashboard. */
  enforce: boolean;
}

/** Reads a manifest written by the dashboard's build; null when the dashboard has not been built. */
export function loadTrustedDocuments(path: string): TrustedDocumentManifest | null {
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (
    typeof manifest !== 'object' ||
    manifest === null ||
    Array.isArray(manifest) ||
    Object.values(manifest).some((text) => typeof text !== 'string')
  ) {
    throw new Error(`${path} is not a trusted-document manifest (id → document text)`);
  }
  return manifest as TrustedDocumentManifest;
}

/**
 * The manifest in a file, re-read when the file changes (checked at most once a second), so that
 * rebuilding the dashboard under a running server does not strand it with unknown ids.
 */
export function trustedDocumentsFile(path: string, initial: TrustedDocumentManifest): () => TrustedDocumentManifest {
  let manifest = initial;
  let modified = existsSync(path) ? statSync(path).mtimeMs : 0;
  let checked = Date.now();
  return () => {
    const now = Date.now();
    if (now - checked < 1_000) return manifest;
    checked = now;
    const current = existsSync(path) ? statSync(path).mtimeMs : 0;
    if (current === modified) return manifest;
    try {
      manifest = loadTrustedDocuments(path) ?? {};
      modified = current;
    } catch {
      // Half-written during a build: keep the last good manifest and look again in a second.
    }
    return manifest;
  };
}

/**
 * Several front ends' manifests (the dashboard's and the field app's) as one; merged again only when
 * one of them changed.
 */
export function trustedDocumentsFiles(files: (() => TrustedDocumentManifest)[]): () => TrustedDocumentManifest {
  let parts: TrustedDocumentManifest[] = [];
  let merged: TrustedDocumentManifest = {};
  return () => {
    const current = files.map((file) => file());
    if (current.length !== parts.length || current.some((part, index) => part !== parts[index])) {
      parts = current;
      merged = Object.assign({}, ...current) as TrustedDocumentManifest;
    }
    return merged;
  };
}

/** May this request send a document of its own? */
export function mayRunArbitraryDocuments(request: Request, enforce: boolean): boolean {
  if (!enforce) return true;
  if (request.headers.get('x-binaan-client') === DASHBOARD_CLIENT_NAME) return false;
  const bearer = bearerOf(request);
  return bearer !== null && isApiToken(bearer);
}

export function useTrustedDocuments({ manifest, enforce }: TrustedDocumentsOptions) {
  const refusal = (message: string, code: string) => (payload: { request: Request }) =>
    createGraphQLError(localize(message, localeOf(payload.request)), { extensions: { code, http: { status: 400 } } });
  return usePersistedOperations({
    getPersistedOperation: (id) => (typeof manifest === 'function' ? manifest() : manifest)[id] ?? null,
    allowArbitraryOperations: (request) => mayRunArbitraryDocuments(request, enforce),
    customErrors: {
      persistedQueryOnly: refusal('This client may only send its registered documents.', 'TRUSTED_DOCUMENTS_ONLY'),
      notFound: refusal('Unknown document id.', 'PERSISTED_QUERY_NOT_FOUND'),
    },
  });
}
