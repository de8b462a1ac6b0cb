import { EmptyState } from '@backstage/core-components';

/** A service the backend has no result for yet (404). */
export function NotEvaluatedState() {
  return (
    <EmptyState
      missing="data"
      title="Not evaluated yet"
      description="This service has no compliance result yet. New and changed services are scored at the next evaluation of the catalog, which runs on a schedule (every 30 minutes by default)."
    />
  );
}
