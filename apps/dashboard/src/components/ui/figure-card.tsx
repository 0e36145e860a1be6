// A headline figure: its value, what it is made of (numerator of denominator), and the previous period.
export interface FigureCardProps {
  label: string;
  value: string;
  /** "276 dari 6.118": always visible, so a figure can be checked. */
  parts?: string;
  previous?: string;
  change?: string;
  trend?: 'up' | 'down' | 'flat';
  testId?: string;
}

export function FigureCard({ label, value, parts, previous, change, trend, testId }: FigureCardProps) {
  return (
    <article className="figure-card" data-testid={testId} title={parts}>
      <h3>{label}</h3>
      <p className="figure-value" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </p>
      {parts && <p className="figure-parts">{parts}</p>}
      {(previous || change) && (
        <p className={`figure-previous trend-${trend ?? 'flat'}`}>
          {change && <span aria-hidden="true">{trend === 'up' ? '▲ ' : trend === 'down' ? '▼ ' : '■ '}</span>}
          {[change, previous].filter(Boolean).join(' · ')}
        </p>
      )}
    </article>
  );
}
