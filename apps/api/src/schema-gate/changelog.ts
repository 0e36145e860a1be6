// SCHEMA_CHANGES.md: the record of breaking schema changes and their deprecation periods. Each change
// is a `## ` section with these lines (any order, other lines are prose for people):
//
//   - Change: `Village.oldField`            (the schema coordinate graphql-inspector reports)
//   - Deprecated: 2026-01-15                (when @deprecated went into schema.graphql)
//   - Removable from: 2026-04-15            (the end of the deprecation period)
export interface ChangelogEntry {
  title: string;
  coordinates: string[];
  deprecatedOn: string | null;
  removableFrom: string | null;
}

const DATE = /(\d{4}-\d{2}-\d{2})/;

export function parseChangelog(markdown: string): ChangelogEntry[] {
  const sections = markdown.split(/^## /m).slice(1);
  return sections.map((section) => {
    const [title = '', ...lines] = section.split('\n');
    const field = (label: string) => lines.find((line) => new RegExp(`^\\s*[-*]\\s*${label}:`, 'i').test(line)) ?? null;
    const change = field('Change');
    return {
      title: title.trim(),
      coordinates: change ? [...change.matchAll(/`([^`]+)`/g)].map((match) => match[1]!) : [],
      deprecatedOn: DATE.exec(field('Deprecated') ?? '')?.[1] ?? null,
      removableFrom: DATE.exec(field('Removable from') ?? '')?.[1] ?? null,
    };
  });
}
