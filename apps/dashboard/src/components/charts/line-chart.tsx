// A line chart over an ordered index (months), from plain rows.
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart as RechartsLineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartCategory } from './bar-chart';
import { legendText } from './legend-text';
import { colorAt } from './palette';

export interface LineChartProps<Row extends object> {
  data: Row[];
  index: keyof Row & string;
  categories: ChartCategory<Row>[];
  valueFormatter?: (value: number) => string;
  labelFormatter?: (label: string) => string;
  width?: number;
  height?: number;
  ariaLabel: string;
}

export function LineChart<Row extends object>({
  data,
  index,
  categories,
  valueFormatter = String,
  labelFormatter = String,
  width,
  height = 260,
  ariaLabel,
}: LineChartProps<Row>) {
  const chart = (
    <RechartsLineChart
      data={data}
      width={width}
      height={height}
      margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      accessibilityLayer
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey={String(index)} tickFormatter={labelFormatter} />
      <YAxis tickFormatter={valueFormatter} />
      <Tooltip
        formatter={(value) => valueFormatter(Number(value))}
        labelFormatter={(label) => labelFormatter(String(label))}
      />
      {categories.length > 1 && <Legend formatter={legendText} />}
      {categories.map((category, position) => (
        <Line
          key={category.key}
          type="monotone"
          dataKey={String(category.key)}
          name={category.label}
          stroke={category.color ?? colorAt(position)}
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      ))}
    </RechartsLineChart>
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
