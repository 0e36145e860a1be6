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
import { colorAt } from './palette';

export interface ChartCategory<Row> {
  key: keyof Row & string;
  label: string;
  color?: string;
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
  height?: number;
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
  height = 300,
  ariaLabel,
  onSelect,
  detail,
}: BarChartProps<Row>) {
  const horizontal = layout === 'horizontal';
  const chart = (
    <RechartsBarChart
      data={data}
      layout={horizontal ? 'vertical' : 'horizontal'}
      width={width}
      height={height}
      margin={{ top: 8, right: 16, bottom: 8, left: horizontal ? 8 : 0 }}
      accessibilityLayer
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
      {horizontal ? (
        <>
          <XAxis type="number" tickFormatter={valueFormatter} />
          <YAxis type="category" dataKey={String(index)} width={170} tickFormatter={labelFormatter} interval={0} />
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
      {categories.length > 1 && <Legend />}
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
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
