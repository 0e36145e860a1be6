// What a panel shows while loading, when there is nothing to show, and when loading failed.
export function Skeleton({ label, height = 240 }: { label: string; height?: number }) {
  return (
    <div className="skeleton" style={{ height }} role="status" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}</span>
    </div>
  );
}

export function EmptyState({ message }: { message: string }) {
  return (
    <p className="empty-state" role="status">
      {message}
    </p>
  );
}

export function ErrorState({
  message,
  retryLabel,
  onRetry,
}: {
  message: string;
  retryLabel: string;
  onRetry: () => void;
}) {
  return (
    <div className="error-state" role="alert">
      <p>{message}</p>
      <button type="button" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}
