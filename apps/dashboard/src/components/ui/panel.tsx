// A titled panel for a chart: the chart, its data as a table (for screen readers, keyboards and print),
// and the time its figures were computed.
import type { ReactNode } from 'react';

export function Panel({
  title,
  dataTime,
  children,
  table,
  tableLabel,
}: {
  title: string;
  dataTime?: string;
  children: ReactNode;
  table?: ReactNode;
  tableLabel?: string;
}) {
  return (
    <section className="panel" aria-label={title}>
      <header className="panel-header">
        <h2>{title}</h2>
        {dataTime && <p className="data-time">{dataTime}</p>}
      </header>
      {children}
      {table && (
        <details className="panel-table">
          <summary>{tableLabel}</summary>
          {table}
        </details>
      )}
    </section>
  );
}
