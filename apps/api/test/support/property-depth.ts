// How hard the property tests search. `npm test` takes a quick pass (a third of the runs, at least 2)
// so the suite stays within its minutes; BINAAN_PROPERTY_DEPTH=deep runs every one. CI runs its
// Node 24 PostgreSQL suite deep (see .ci/run), so every commit still gets the full search once.
export const propertyDepth: 'quick' | 'deep' = process.env.BINAAN_PROPERTY_DEPTH === 'deep' ? 'deep' : 'quick';

/** The number of runs for a property whose full search is `deepRuns`. */
export const propertyRuns = (deepRuns: number): number =>
  propertyDepth === 'deep' ? deepRuns : Math.max(2, Math.ceil(deepRuns / 3));
