// Queries an analyst would run first. GraphiQL opens with the first; the README lists them all, and a
// test runs every one against the seeded database.
export interface ExampleQuery {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const exampleQueries: ExampleQuery[] = [
  {
    title: 'Provinces with their kabupaten/kota',
    query: `query Provinces {
  provinces(first: 10) {
    totalCount
    edges { node { code name regencies { code name kind } } }
  }
}`,
  },
];

export const readmeFile = new URL('../../../README.md', import.meta.url).pathname;
const START = '<!-- example-queries:start -->';
const END = '<!-- example-queries:end -->';

export function exampleQueriesMarkdown(): string {
  return exampleQueries
    .map((example) => {
      const variables = example.variables ? `\n\nVariables:\n\n\`\`\`json\n${JSON.stringify(example.variables, null, 2)}\n\`\`\`` : '';
      return `**${example.title}**\n\n\`\`\`graphql\n${example.query}\n\`\`\`${variables}`;
    })
    .join('\n\n');
}

export function replaceExampleSection(readme: string, section: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${section}\n${readme.slice(end)}`;
}
