// Text that PostgreSQL cannot store, or that is not text at all, is refused before anything runs: a NUL
// character (PostgreSQL's text has none) or a lone UTF-16 surrogate, anywhere in the document or its
// variables. Without this check it reached the database and came back as "Unexpected error".
import { type DocumentNode, visit } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { localeOf } from '../context.js';
import { localize } from '../messages.js';

const MALFORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first malformed string in a value (variables are JSON), or null. */
export function malformedTextAt(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return MALFORMED.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = malformedTextAt(item, [...path, String(index)]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = malformedTextAt(item, [...path, key]) ?? (MALFORMED.test(key) ? [...path, key] : null);
      if (found) return found;
    }
  }
  return null;
}

// Yoga's parser cache hands back the same document for the same text: walked once, not per request.
const checked = new WeakMap<DocumentNode, boolean>();

/** Whether a parsed document holds a string literal (escapes resolved) that is not well-formed text. */
function hasMalformedLiteral(document: DocumentNode): boolean {
  const known = checked.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    StringValue(node) {
      if (MALFORMED.test(node.value)) found = true;
    },
  });
  checked.set(document, found);
  return found;
}

export function useWellFormedText(): Plugin {
  return {
    // String literals in the document, whose escapes (`\u0000`) only parsing resolves.
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result && 'kind' in result && hasMalformedLiteral(result as DocumentNode)) {
          replaceParseResult(
            createGraphQLError(
              `query: ${localize('Text must not contain NUL characters or unpaired surrogates.', 'id')}`,
              {
                extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
              },
            ),
          );
        }
      };
    },
    onParams({ params, request, setResult }) {
      const path =
        (typeof params.query === 'string' && MALFORMED.test(params.query) ? ['query'] : null) ??
        malformedTextAt(params.variables ?? {}, ['variables']);
      if (!path) return;
      setResult({
        errors: [
          createGraphQLError(
            `${path.join('.')}: ${localize('Text must not contain NUL characters or unpaired surrogates.', localeOf(request))}`,
            { extensions: { code: 'BAD_USER_INPUT', path, http: { status: 400 } } },
          ),
        ],
      });
    },
  };
}
