// A legend's label in the page's ink: the swatch beside it carries the series' colour. In the series'
// own colour (recharts' default) a yellow label on white cannot be read (1.3:1).
export const legendText = (value: string) => <span className="chart-legend-text">{value}</span>;
