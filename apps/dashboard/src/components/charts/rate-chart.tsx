// A share per area (or per module) as horizontal bars: the rate on the bar, its numerator and
// denominator in the tooltip and the data table. Coverage, training and the overview all draw this one.
import { formatPercent, shortAreaName } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { BarChart } from './bar-chart';

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
      bands={{ rowHeight, minHeight }}
      onSelect={onSelect}
    />
  );
}
