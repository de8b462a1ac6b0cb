import { DEFAULT_NAMESPACE, Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { microservicesApiRef } from '../../api';
import { LoadState } from '../LoadState';
import { ScoreHistoryChart } from '../ScoreHistoryChart';

/** The service's score over time, from the stored evaluations. */
export function ScoreHistoryCard(props: {
  entity: Entity;
  variant?: 'gridItem';
}) {
  const { entity } = props;
  const api = useApi(microservicesApiRef);
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const history = useAsyncRetry(
    () => api.getHistory(namespace, entity.metadata.name),
    [api, namespace, entity.metadata.name],
  );
  const none = {
    title: 'No evaluation of this service yet',
    description: 'Its score history starts at its first evaluation.',
  };
  const content = (
    <LoadState
      loading={history.loading}
      error={history.error}
      onRetry={history.retry}
      what="the score history"
      notFound={none}
      empty={!history.value?.length && none}
      compact
    >
      {() => history.value && <ScoreHistoryChart history={history.value} />}
    </LoadState>
  );
  return (
    <InfoCard title="Score history" variant={props.variant}>
      {content}
    </InfoCard>
  );
}
