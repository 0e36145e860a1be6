// Trusted (persisted) documents. An application registers the exact documents it sends; in production
// the API runs only those for it, identified by the SHA-256 of the document's text. The id is computed
// the same way when the manifest is written (build time) and when a request is sent (run time), so the
// two cannot disagree about whitespace or the `__typename` fields urql adds for its cache.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { formatDocument } from '@urql/core';
import { type DocumentNode, print } from 'graphql';

/** A manifest maps each document id to the document's text (the format of Apollo and GraphQL Yoga). */
export type TrustedDocumentManifest = Record<string, string>;

/** The text the API will run for a document: as urql sends it (with `__typename`), printed canonically. */
export const trustedDocumentText = (document: DocumentNode): string => print(formatDocument(document));

/** The document's id: lowercase hex SHA-256 of its text. Pure JavaScript, so it works outside secure contexts. */
export const trustedDocumentId = (document: DocumentNode): string =>
  bytesToHex(sha256(utf8ToBytes(trustedDocumentText(document))));

/** Builds a manifest; documents are sorted by id so the file only changes when a document does. */
export function trustedDocumentManifest(documents: Iterable<DocumentNode>): TrustedDocumentManifest {
  const entries = [...documents].map(
    (document) => [trustedDocumentId(document), trustedDocumentText(document)] as const,
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

export const isDocumentNode = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Document';
