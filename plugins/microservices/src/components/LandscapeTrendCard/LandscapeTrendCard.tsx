import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { microservicesApiRef } from '../../api';
import { LandscapeTrendChart } from '../LandscapeTrendChart';
import { LoadErrorPanel } from '../LoadErrorPanel';

/** Evaluations charted by default: 30 days at the default daily-ish pace, a few hours at a fast one. */
export const DEFAULT_TREND_EVALUATIONS = 90;

/**
 * The trend of the landscape over its latest evaluations. It loads on its own, so a failure
 * here leaves the rest of the dashboard working.
 */
export function LandscapeTrendCard(props: { evaluations?: number }) {
  const evaluations = props.evaluations ?? DEFAULT_TREND_EVALUATIONS;
  const api = useApi(microservicesApiRef);
  const history = useAsyncRetry(
    () => api.getSummaryHistory(evaluations),
    [api, evaluations],
  );
  let content;
  if (history.loading) {
    content = <Progress />;
  } else if (history.error) {
    content = (
      <LoadErrorPanel
        error={history.error}
        what="the landscape history"
        onRetry={history.retry}
      />
    );
  } else if (!history.value?.length) {
    content = (
      <Typography variant="body2">
        No evaluation has been stored yet, so there is no trend to draw.
      </Typography>
    );
  } else {
    content = (
      <>
        <LandscapeTrendChart history={history.value} />
        {history.value.length === 1 && (
          <Typography variant="body2">
            Only one evaluation so far: the trend appears as the catalog is
            evaluated again.
          </Typography>
        )}
      </>
    );
  }
  return (
    <InfoCard
      title="Trend over time"
      subheader={`Average score over the latest evaluations (up to ${evaluations})`}
    >
      {content}
    </InfoCard>
  );
}
