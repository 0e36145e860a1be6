// The early-warning detector: is this week's count for one kabupaten/kota and report type above what
// its own history predicts? A quasi-Poisson baseline in the spirit of Farrington et al. (1996) and its
// "improved" version (Noufaily et al. 2013), simplified for short, small-count series:
//
// - Baseline: the 26 weeks before the week, skipping the 2 weeks just before it (a guard band, so an
//   outbreak of up to 3 weeks does not raise its own baseline), plus the same season a year earlier
//   (the week ±3 weeks, 52 weeks back) when the area has that much history: seasonality is taken from
//   what the area did at that time of year, without a model with too few points to fit.
// - Expected count μ: the baseline's mean. Dispersion φ: the quasi-Poisson estimate
//   Σ(y − μ)² / (μ (n − 1)), at least 1 (counts are never less variable than Poisson).
// - Threshold: the upper (1 − α) limit on the 2/3-power scale (Farrington's transformation, which makes
//   small Poisson counts close to symmetric): U = μ (1 + ⅔ z √(φ (1 + 1/n) / μ))^{3/2}, the 1/n for the
//   uncertainty of μ itself.
// - A signal needs the count above U and at least MIN_COUNT reports: two reports where there was none
//   is noise for a village programme, however improbable.
// - Score: (y − μ) / (U − μ), above 1 for a signal (Farrington's exceedance score).
//
// EARS C2/C3 were considered: they use only the last 7 days, so they cannot see seasons and, on counts
// of 0–5 a week, their standard deviation is mostly noise. `npm run signals:evaluate` prints how this
// detector does on series shaped like the demo data.

export interface DetectorSettings {
  /** The one-sided normal quantile of the threshold. */
  z: number;
  /** Recent weeks in the baseline. */
  recentWeeks: number;
  /** Weeks just before the assessed one that the baseline skips. */
  guardWeeks: number;
  /** Half-width of last year's same-season window. */
  seasonalHalfWidth: number;
  /** Fewer baseline weeks than this: not assessed (a new area has no history to compare with). */
  minHistory: number;
  /** A signal needs at least this many reports in the week. */
  minCount: number;
}

export const DETECTOR: DetectorSettings = {
  // Chosen with `npm run signals:evaluate`: the most spikes found while false alarms stay at or under 2
  // per 100 area-weeks in every volume band (1.96 gave 2.8 in the busiest; 2.58 found fewer spikes).
  z: 2.33,
  recentWeeks: 26,
  guardWeeks: 2,
  seasonalHalfWidth: 3,
  minHistory: 8,
  minCount: 3,
};

/** Stored with each signal, so a change of settings is visible in the data. */
export const detectorMethod = (settings: DetectorSettings = DETECTOR): string =>
  `quasi-poisson-v1 z=${settings.z} recent=${settings.recentWeeks} guard=${settings.guardWeeks} min=${settings.minCount}`;

export interface WeekAssessment {
  observed: number;
  expected: number;
  threshold: number;
  score: number;
  signal: boolean;
  /** Weeks the baseline was made of. */
  baselineWeeks: number;
}

/** The baseline's week indexes for week `t` (recent window, then last year's season). */
export function baselineWeeks(t: number, settings: DetectorSettings = DETECTOR): number[] {
  const weeks: number[] = [];
  const recentEnd = t - settings.guardWeeks - 1;
  for (let week = Math.max(0, recentEnd - settings.recentWeeks + 1); week <= recentEnd; week += 1) weeks.push(week);
  const lastYear = t - 52;
  for (let week = lastYear - settings.seasonalHalfWidth; week <= lastYear + settings.seasonalHalfWidth; week += 1) {
    if (week >= 0 && week < Math.max(0, recentEnd - settings.recentWeeks + 1)) weeks.push(week);
  }
  return weeks;
}

/**
 * Assesses week `t` of a weekly series (oldest first; the series starts when the area started
 * reporting). Null when the area has too little history for a baseline.
 */
export function assessWeek(
  series: readonly number[],
  t: number,
  settings: DetectorSettings = DETECTOR,
): WeekAssessment | null {
  const weeks = baselineWeeks(t, settings);
  const n = weeks.length;
  if (n < settings.minHistory) return null;
  const values = weeks.map((week) => series[week] ?? 0);
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const dispersion =
    mean > 0 && n > 1 ? Math.max(1, values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (mean * (n - 1))) : 1;
  // An area that reported none of this type: a small floor keeps the threshold finite and low.
  const floor = Math.max(mean, 0.1);
  const threshold = floor * (1 + (2 / 3) * settings.z * Math.sqrt((dispersion * (1 + 1 / n)) / floor)) ** 1.5;
  const observed = series[t] ?? 0;
  const score = (observed - mean) / (threshold - mean);
  return {
    observed,
    expected: mean,
    threshold,
    score,
    signal: observed > threshold && observed >= settings.minCount,
    baselineWeeks: n,
  };
}
