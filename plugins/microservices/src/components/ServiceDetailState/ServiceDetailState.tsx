import { Progress } from '@backstage/core-components';
import type { ServiceDetail } from '@microservices-backstage/plugin-microservices-common';
import type { AsyncStateRetry } from 'react-use/esm/useAsyncRetry';
import { isNotFoundError } from '../../lib/describeError';
import { LoadErrorPanel } from '../LoadErrorPanel';
import { NotEvaluatedState } from '../NotEvaluatedState';

/**
 * What a card shows while a service's result is not there: loading, not evaluated yet (404)
 * or an error with a retry. Renders nothing once the result is loaded.
 */
export function ServiceDetailState(props: {
  detail: AsyncStateRetry<ServiceDetail>;
  /** Completes "Could not load …", e.g. `the dependencies`. */
  what: string;
}) {
  const { detail, what } = props;
  if (detail.loading) return <Progress />;
  if (detail.error && isNotFoundError(detail.error)) return <NotEvaluatedState />;
  if (detail.error) {
    return <LoadErrorPanel error={detail.error} what={what} onRetry={detail.retry} />;
  }
  return detail.value ? null : <NotEvaluatedState />;
}
