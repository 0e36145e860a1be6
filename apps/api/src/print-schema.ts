// npm run print-schema: writes the sorted SDL to apps/api/schema.graphql and the example queries into the
// README. Both are checked in; tests fail when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { exampleQueriesMarkdown, readmeFile, replaceExampleSection } from './example-queries.js';
import { printSortedSchema, schemaFile } from './schema/sdl.js';

writeFileSync(schemaFile, printSortedSchema());
console.log(`Wrote ${schemaFile}`);
writeFileSync(readmeFile, replaceExampleSection(readFileSync(readmeFile, 'utf8'), exampleQueriesMarkdown()));
console.log(`Updated the example queries in ${readmeFile}`);
