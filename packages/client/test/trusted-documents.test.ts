import { formatDocument } from '@urql/core';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphql, trustedDocumentId, trustedDocumentManifest, trustedDocumentText } from '../src/index.js';

const Provinces = graphql(`
  query Provinces { provinces(first: 2) { edges { node { code name } } } }
`);

describe('trusted document ids', () => {
  it('are the SHA-256 of the text urql sends, whitespace aside', () => {
    const text = trustedDocumentText(Provinces);
    expect(text).toContain('__typename'); // urql's cache asks for it; the manifest must too
    expect(trustedDocumentId(Provinces)).toMatch(/^[0-9a-f]{64}$/);
    const respaced = parse('query Provinces {\n\n provinces(first: 2) { edges { node { code   name } } } }');
    expect(trustedDocumentId(respaced)).toBe(trustedDocumentId(Provinces));
    // What urql's cache exchange hands to the persisted exchange gets the same id.
    expect(trustedDocumentId(formatDocument(Provinces))).toBe(trustedDocumentId(Provinces));
  });

  it('differ when the document does', () => {
    const other = parse('query Provinces { provinces(first: 3) { edges { node { code name } } } }');
    expect(trustedDocumentId(other)).not.toBe(trustedDocumentId(Provinces));
  });

  it('key a manifest sorted by id, each mapping to runnable text', () => {
    const other = parse('query Me { me { kind } }');
    const manifest = trustedDocumentManifest([Provinces, other]);
    expect(Object.keys(manifest)).toEqual([trustedDocumentId(Provinces), trustedDocumentId(other)].sort());
    expect(print(parse(manifest[trustedDocumentId(other)]!))).toBe(trustedDocumentText(other));
  });
});
