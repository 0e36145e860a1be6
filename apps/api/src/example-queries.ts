// Queries an analyst would run first. GraphiQL opens with the first; the README lists them all, and a
// test runs every one against the seeded database.
export interface ExampleQuery {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const exampleQueries: ExampleQuery[] = [
  {
    title: 'Coverage per province: designated villages against all villages and against the target',
    query: `query CoverageByProvince {
  coverage(groupBy: PROVINCE) {
    computedAt
    rows {
      area { code name }
      villages
      designatedVillages
      target
      coverage { numerator denominator rate }
      targetAttainment { numerator denominator rate }
    }
    total { villages designatedVillages coverage { rate } }
  }
}`,
  },
  {
    title: 'Villages designated in Kalimantan Selatan this year against the target, per kabupaten/kota',
    query: `query KalselThisYear($from: Date!, $to: Date!) {
  coverage(groupBy: REGENCY, filter: { area: { provinceCodes: ["63"] }, period: { from: $from, to: $to } }) {
    rows { area { code name } target targetAttainment { numerator denominator rate } }
  }
}`,
    variables: { from: '2026-01-01', to: '2026-12-31' },
  },
  {
    title: 'Reports of foreign nationals per kabupaten/kota in NTT in 2024',
    query: `query ForeignNationalsNtt2024 {
  reportStats(
    groupBy: [REGENCY]
    filter: {
      area: { provinceCodes: ["53"] }
      reportTypes: [FOREIGN_NATIONAL_PRESENT]
      period: { from: "2024-01-01", to: "2024-12-31" }
    }
  ) {
    rows { regency { code name } reports followedUp medianDaysToFollowUp }
  }
}`,
  },
  {
    title: 'Monthly reports by type in Bangka Belitung (for a stacked chart)',
    query: `query BabelMonthlyByType {
  reportStats(groupBy: [MONTH, TYPE], filter: { area: { provinceCodes: ["19"] }, period: { from: "2025-01-01", to: "2025-12-31" } }) {
    rows { month type reports }
  }
}`,
  },
  {
    title: 'Reporting completeness per month, by province',
    query: `query Completeness {
  reportingCompleteness(groupBy: PROVINCE, filter: { period: { from: "2026-01-01", to: "2026-10-31" } }) {
    rows { month area { name } completeness { numerator denominator rate } }
  }
}`,
  },
  {
    title: 'Training completion per kabupaten/kota of NTT, with each module',
    query: `query TrainingNtt {
  trainingCompletion(groupBy: REGENCY, filter: { area: { provinceCodes: ["53"] } }) {
    rows {
      area { name }
      members
      completedAll { numerator denominator rate }
      modules { module { code name } completed { rate } }
    }
  }
}`,
  },
  {
    title: 'Headline figures for October 2026 compared with September',
    query: `query Overview {
  overview(filter: { period: { from: "2026-10-01", to: "2026-10-31" } }) {
    computedAt
    period { from to }
    previousPeriod { from to }
    designatedVillages { current previous change }
    coverage { current { numerator denominator rate } previous { rate } }
    reports { current previous change }
    reportingCompleteness { current { numerator denominator rate } }
    membersFullyTrained { current { numerator denominator rate } }
  }
}`,
  },
  {
    title: 'Open reports of suspected trafficking, oldest first, with their village',
    query: `query OpenTraffickingReports {
  reports(first: 20, filter: { types: [SUSPECTED_TRAFFICKING], open: true }, orderBy: { field: SUBMITTED_AT, direction: ASC }) {
    totalCount
    edges { node { id status ageDays submittedAt village { code name regency { name } } } }
  }
}`,
  },
  {
    title: 'Border villages of Kabupaten Belu not yet designated',
    query: `query BeluBorderVillages {
  villages(first: 50, filter: { area: { regencyCodes: ["53.04"] }, isBorder: true, designated: false }) {
    totalCount
    edges { node { code name district { name } distanceToOfficeKm isMigrantWorkerSendingArea } }
  }
}`,
  },
  {
    title: 'Desa Gendang Timburu: its designation, task force and latest activities',
    query: `query GendangTimburu {
  village(code: "63.02.15.2002") {
    name
    district { name }
    regency { name }
    designations {
      variant status year inauguratedOn decreeNumber
      office { name }
      taskForce { formedOn members { role completedModules { code } } }
    }
    activities(first: 5) { edges { node { type title heldOn } } }
  }
}`,
  },
  {
    title: 'Immigration offices of NTT and the kabupaten/kota they cover',
    query: `query OfficesNtt {
  offices(first: 20, area: { provinceCodes: ["53"] }) {
    edges { node { code name officeClass hasCheckpoint workingArea { code name } } }
  }
}`,
  },
  {
    title: 'Timpora meetings held in 2024–2025',
    query: `query TimporaMeetings {
  activities(first: 20, filter: { types: [TIMPORA_MEETING], period: { from: "2024-01-01", to: "2025-12-31" } }) {
    totalCount
    edges { node { heldOn title place regency { name } office { name } agenciesPresent } }
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
      const variables = example.variables
        ? `\n\nVariables:\n\n\`\`\`json\n${JSON.stringify(example.variables, null, 2)}\n\`\`\``
        : '';
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
