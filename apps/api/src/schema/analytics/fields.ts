// The Query fields this folder defines, one per figure: the response cache keeps their answers
// (plugins/response-cache.ts). A test holds this list to the schema.
export const FIGURE_FIELDS = [
  'overview',
  'coverage',
  'reportStats',
  'reportingCompleteness',
  'trainingCompletion',
  'forecastToTarget',
] as const;
