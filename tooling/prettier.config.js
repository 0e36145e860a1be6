// One format for the whole tree: the style the code was already written in, at 120 columns.
/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  semi: true,
  arrowParens: 'always',
  // GraphQL documents and SQL inside template literals keep the compact form they are written in.
  embeddedLanguageFormatting: 'off',
};
