import { InfoCard } from '@backstage/core-components';
import { SUMMARY_HISTORY_MAX_LIMIT } from '@microservices-backstage/plugin-microservices-common';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { microservicesApiRef } from '../../api';
import { LandscapeTrendChart } from '../LandscapeTrendChart';
import { LoadState } from '../LoadState';

/** Evaluations charted by default: 30 days at the default daily-ish pace, a few hours at a fast one. */
export const DEFAULT_TREND_EVALUATIONS = 90;

/**
 * The trend of the landscape over its latest evaluations. It loads on its own, so a failure
 * here leaves the rest of the dashboard working.
 */
export function LandscapeTrendCard(props: { evaluations?: number }) {
  // The API refuses more than SUMMARY_HISTORY_MAX_LIMIT.
  const evaluations = Math.min(
    props.evaluations ?? DEFAULT_TREND_EVALUATIONS,
    SUMMARY_HISTORY_MAX_LIMIT,
  );
  const api = useApi(microservicesApiRef);
  const history = useAsyncRetry(
    () => api.getSummaryHistory(evaluations),
    [api, evaluations],
  );
  const content = (
    <LoadState
      loading={history.loading}
      error={history.error}
      onRetry={history.retry}
      what="the landscape history"
      empty={
        !history.value?.length && {
          title: 'No evaluation has been stored yet',
          description: 'The trend appears once the catalog has been evaluated.',
        }
      }
      compact
    >
      {() =>
        history.value && (
          <>
            <LandscapeTrendChart history={history.value} />
            {history.value.length === 1 && (
              <Typography variant="body2">
                Only one evaluation so far: the trend appears as the catalog is
                evaluated again.
              </Typography>
            )}
          </>
        )
      }
    </LoadState>
  );
  return (
    <InfoCard
      title="Trend over time"
      subheader={`Average score over the latest evaluations (up to ${evaluations})`}
    >
      {content}
    </InfoCard>
  );
}
