import { DEFAULT_NAMESPACE, Entity } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { microservicesApiRef } from '../../api';
import { isNotFoundError } from '../../lib/describeError';
import { LoadErrorPanel } from '../LoadErrorPanel';
import { ScoreHistoryChart } from '../ScoreHistoryChart';

/** The service's score over time, from the stored evaluations. */
export function ScoreHistoryCard(props: { entity: Entity }) {
  const { entity } = props;
  const api = useApi(microservicesApiRef);
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const history = useAsyncRetry(
    () => api.getHistory(namespace, entity.metadata.name),
    [api, namespace, entity.metadata.name],
  );
  let content;
  if (history.loading) {
    content = <Progress />;
  } else if (history.error && isNotFoundError(history.error)) {
    content = (
      <Typography variant="body2">
        No evaluation of this service yet.
      </Typography>
    );
  } else if (history.error) {
    content = (
      <LoadErrorPanel
        error={history.error}
        what="the score history"
        onRetry={history.retry}
      />
    );
  } else if (!history.value?.length) {
    content = (
      <Typography variant="body2">
        No evaluation of this service yet.
      </Typography>
    );
  } else {
    content = <ScoreHistoryChart history={history.value} />;
  }
  return <InfoCard title="Score history">{content}</InfoCard>;
}
