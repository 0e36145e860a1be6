// A share per area (or per module) as horizontal bars: the rate on the bar, its numerator and
// denominator in the tooltip and the data table. Coverage, training and the overview all draw this one.
import { formatPercent, shortAreaName } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { BarChart } from './bar-chart';

/** The category axis (bar-chart.tsx) is 170 px wide: about 18 characters of its 14 px labels a line. */
const CHARACTERS_PER_LINE = 18;
const LINE_HEIGHT = 17;
/** The value axis under the bars. */
const AXIS_HEIGHT = 30;

/** How many lines the axis wraps a label into, word by word. */
export function wrappedLines(label: string): number {
  let lines = 1;
  let used = 0;
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (used > 0 && used + 1 + word.length > CHARACTERS_PER_LINE) {
      lines += 1;
      used = word.length;
    } else used += (used > 0 ? 1 : 0) + word.length;
  }
  return lines;
}

export interface RateRow {
  name: string;
  rate: number;
}

export function RateChart<Row extends RateRow>({
  ariaLabel,
  rows,
  label,
  ratio,
  color,
  digits = 0,
  rowHeight = 34,
  minHeight = 180,
  onSelect,
}: {
  ariaLabel: string;
  rows: Row[];
  /** What the rate is, for the legend and tooltip. */
  label: string;
  /** The parts of a row's rate. */
  ratio: (row: Row) => { numerator: number; denominator: number };
  color?: string;
  /** Decimals of the percentages. */
  digits?: number;
  rowHeight?: number;
  minHeight?: number;
  /** Drill down: the chart's bars become buttons. */
  onSelect?: (row: Row) => void;
}) {
  const { locale, parts } = useI18n();
  // Each bar's band must hold its label as the axis wraps it (a module's name takes three lines).
  const lines = Math.max(1, ...rows.map((row) => wrappedLines(shortAreaName(row.name))));
  const band = Math.max(rowHeight, lines * LINE_HEIGHT + 4);
  return (
    <BarChart
      ariaLabel={ariaLabel}
      data={rows}
      index="name"
      layout="horizontal"
      labelFormatter={shortAreaName}
      categories={[{ key: 'rate', label, ...(color ? { color } : {}) }]}
      valueFormatter={(value) => formatPercent(value, locale, digits)}
      detail={(row) => parts(ratio(row))}
      height={Math.max(minHeight, rows.length * band + AXIS_HEIGHT)}
      onSelect={onSelect}
    />
  );
}
