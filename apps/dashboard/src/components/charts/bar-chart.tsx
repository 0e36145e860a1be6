// A bar chart from plain rows: `index` names the label field, `categories` the value fields. Horizontal
// bars (`layout="horizontal"`) suit long area names; `stacked` stacks the categories.
import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { legendText } from './legend-text';
import { colorAt } from './palette';

export interface ChartCategory<Row> {
  key: keyof Row & string;
  label: string;
  color?: string;
}

/** The category axis of horizontal bars is 170 px wide: about 18 characters of its labels a line. */
const CATEGORY_AXIS_WIDTH = 170;
const CHARACTERS_PER_LINE = 18;
const LINE_HEIGHT = 17;

/** How many lines the category axis wraps a label into, word by word. */
function wrappedLines(label: string): number {
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

/** How horizontal bars are sized: each band at least `rowHeight`, the chart at least `minHeight`, and
 * `besides` for what the chart draws other than the bands (the value axis, a legend). */
export interface BandSizing {
  rowHeight?: number;
  minHeight?: number;
  besides?: number;
}

/**
 * The height of horizontal bars for these labels, as the axis shows them: each bar's band holds its
 * label as the axis wraps it (a module's name takes three lines, a long kabupaten's two).
 */
function horizontalBarsHeight(labels: string[], { rowHeight = 34, minHeight = 180, besides = 30 }: BandSizing): number {
  const lines = Math.max(1, ...labels.map(wrappedLines));
  const band = Math.max(rowHeight, lines * LINE_HEIGHT + 4);
  return Math.max(minHeight, labels.length * band + besides);
}

export interface BarChartProps<Row extends object> {
  data: Row[];
  index: keyof Row & string;
  categories: ChartCategory<Row>[];
  valueFormatter?: (value: number) => string;
  labelFormatter?: (label: string) => string;
  layout?: 'vertical' | 'horizontal';
  stacked?: boolean;
  /** Fixed size (tests, print); otherwise the chart fills its container's width. */
  width?: number;
  /** Default: 300, or for horizontal bars the height their labels need (`bands`). */
  height?: number;
  /** Horizontal bars: how their bands are sized from the labels. */
  bands?: BandSizing;
  ariaLabel: string;
  onSelect?: (row: Row) => void;
  /** Shown after the value on hover, e.g. the numerator and denominator of a rate: "38 dari 393". */
  detail?: (row: Row) => string;
}

export function BarChart<Row extends object>({
  data,
  index,
  categories,
  valueFormatter = String,
  labelFormatter = String,
  layout = 'vertical',
  stacked = false,
  width,
  height,
  bands = {},
  ariaLabel,
  onSelect,
  detail,
}: BarChartProps<Row>) {
  const horizontal = layout === 'horizontal';
  const chartHeight =
    height ??
    (horizontal
      ? horizontalBarsHeight(
          data.map((row) => labelFormatter(String(row[index]))),
          bands,
        )
      : 300);
  const chart = (
    <RechartsBarChart
      data={data}
      layout={horizontal ? 'vertical' : 'horizontal'}
      width={width}
      height={chartHeight}
      margin={{ top: 8, right: 16, bottom: 8, left: horizontal ? 8 : 0 }}
      accessibilityLayer
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
      {horizontal ? (
        <>
          <XAxis type="number" tickFormatter={valueFormatter} />
          <YAxis
            type="category"
            dataKey={String(index)}
            width={CATEGORY_AXIS_WIDTH}
            tickFormatter={labelFormatter}
            interval={0}
          />
        </>
      ) : (
        <>
          <XAxis dataKey={String(index)} tickFormatter={labelFormatter} />
          <YAxis tickFormatter={valueFormatter} />
        </>
      )}
      <Tooltip
        formatter={(value, _name, item) => {
          const formatted = valueFormatter(Number(value));
          return detail && item?.payload ? `${formatted} (${detail(item.payload as Row)})` : formatted;
        }}
        labelFormatter={(label) => labelFormatter(String(label))}
      />
      {categories.length > 1 && <Legend formatter={legendText} />}
      {categories.map((category, position) => (
        <Bar
          key={category.key}
          dataKey={String(category.key)}
          name={category.label}
          fill={category.color ?? colorAt(position)}
          stackId={stacked ? 'stack' : undefined}
          isAnimationActive={false}
          cursor={onSelect ? 'pointer' : undefined}
          onClick={onSelect ? (entry) => onSelect((entry as { payload: Row }).payload) : undefined}
        />
      ))}
    </RechartsBarChart>
  );
  return (
    <figure className="chart" role="img" aria-label={ariaLabel}>
      {width ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={chartHeight}>
          {chart}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
