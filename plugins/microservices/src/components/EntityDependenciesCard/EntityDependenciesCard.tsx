import { ReactNode, useMemo } from 'react';
import { InfoCard, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { defaultEngineConfig } from '@microservices-backstage/plugin-microservices-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { useServiceDetail } from '../../hooks/useServiceDetail';
import {
  buildDependencyModel,
  DependencyItem,
  DependencyModel,
  toDependencyGraph,
} from '../../lib/dependencyModel';
import { shortRef } from '../../lib/entityRefs';
import { ServiceDetailState } from '../ServiceDetailState';
import { ServiceDependencyGraph } from '../ServiceDependencyGraph';
import { StatusText } from '../StatusText';

const DATASTORE_TYPES = new Set(defaultEngineConfig.datastoreTypes);

function RefList(props: { refs: string[]; kind: string }) {
  return (
    <>
      {props.refs.map((ref, i) => (
        <span key={ref}>
          {i > 0 && ', '}
          <EntityRefLink entityRef={ref} defaultKind={props.kind}>
            {shortRef(ref, props.kind)}
          </EntityRefLink>
        </span>
      ))}
    </>
  );
}

function Marks(props: { item: DependencyItem }) {
  const { item } = props;
  return (
    <>
      {item.inCycle && (
        <>
          {' '}
          <StatusText tone="error">in a dependency cycle</StatusText>
        </>
      )}
      {item.sharesDatastore && (
        <>
          {' '}
          <StatusText tone="warning">
            {item.kind === 'resource'
              ? 'shared with another team or system'
              : 'shares a datastore with this service'}
          </StatusText>
        </>
      )}
    </>
  );
}

function ItemList(props: {
  title: string;
  items: DependencyItem[];
  empty: string;
  describe?: (item: DependencyItem) => ReactNode;
}) {
  const { title, items, empty, describe } = props;
  return (
    <section aria-label={title}>
      <Typography variant="subtitle2" component="h3">
        {title} ({items.length})
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {empty}
        </Typography>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {items.map(item => (
            <li key={item.entityRef}>
              <Typography variant="body2" component="span">
                <EntityRefLink entityRef={item.entityRef}>
                  {shortRef(item.entityRef, item.kind)}
                </EntityRefLink>
                {describe?.(item)}
                {item.apiRefs.length > 0 && (
                  <>
                    {' '}
                    via <RefList refs={item.apiRefs} kind="api" />
                  </>
                )}
                {item.direct &&
                  item.kind !== 'resource' &&
                  ' (direct dependsOn)'}
                <Marks item={item} />
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ApiList(props: { title: string; refs: string[]; empty: string }) {
  return (
    <section aria-label={props.title}>
      <Typography variant="subtitle2" component="h3">
        {props.title} ({props.refs.length})
      </Typography>
      {props.refs.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      ) : (
        <Typography variant="body2">
          <RefList refs={props.refs} kind="api" />
        </Typography>
      )}
    </section>
  );
}

function Findings(props: { model: DependencyModel }) {
  const { model } = props;
  return (
    <>
      {model.cycleRefs.length > 0 && (
        <WarningPanel
          severity="error"
          title="This service is on a dependency cycle"
          defaultExpanded
        >
          <Typography variant="body2">
            It depends, directly or through APIs, on services that depend back
            on it: <RefList refs={model.cycleRefs} kind="component" />.
          </Typography>
        </WarningPanel>
      )}
      {model.sharedDatastoreRefs.length > 0 && (
        <WarningPanel
          severity="warning"
          title="This service shares a datastore with another team or system"
          defaultExpanded
        >
          <Typography variant="body2">
            <RefList refs={model.sharedDatastoreRefs} kind="resource" /> is also
            used by{' '}
            <RefList
              refs={model.datastoreSharingServiceRefs}
              kind="component"
            />
            .
          </Typography>
        </WarningPanel>
      )}
    </>
  );
}

function Dependencies(props: {
  model: DependencyModel;
  types: Map<string, string>;
}) {
  const { model, types } = props;
  const graph = useMemo(
    () => toDependencyGraph(model, ref => shortRef(ref)),
    [model],
  );
  const total =
    model.upstream.length + model.resources.length + model.downstream.length;
  const describeResource = (item: DependencyItem) => {
    const type = types.get(item.entityRef);
    if (!type) return null;
    return ` (${type}${DATASTORE_TYPES.has(type) ? ', datastore' : ''})`;
  };
  return (
    <>
      <Findings model={model} />
      {total === 0 ? (
        <Typography variant="body2" paragraph>
          This service declares no dependencies, and nothing depends on it.
        </Typography>
      ) : (
        <ServiceDependencyGraph
          nodes={graph.nodes}
          edges={graph.edges}
          description={`Dependency graph: ${
            model.downstream.length
          } dependents on the left, the service, ${
            model.upstream.length + model.resources.length
          } dependencies on the right. The lists below say the same in text.`}
        />
      )}
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <ItemList
            title="Depends on"
            items={model.upstream}
            empty="No services or components."
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <ItemList
            title="Depended on by"
            items={model.downstream}
            empty="Nothing in the catalog depends on it."
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <ItemList
            title="Datastores and other resources"
            items={model.resources}
            empty="No resources."
            describe={describeResource}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <ApiList
            title="APIs consumed"
            refs={model.apisConsumed}
            empty="Consumes no API."
          />
          <ApiList
            title="APIs provided"
            refs={model.apisProvided}
            empty="Provides no API."
          />
        </Grid>
      </Grid>
    </>
  );
}

/**
 * Upstream and downstream of the service as a graph and as lists: services, datastores and
 * other resources, APIs consumed and provided; dependency cycles and shared datastores marked.
 */
export function EntityDependenciesCard(props: { variant?: 'gridItem' }) {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const detail = useServiceDetail(entity);
  const model = useMemo(
    () =>
      detail.value
        ? buildDependencyModel(detail.value, entity as Entity)
        : undefined,
    [detail.value, entity],
  );
  // Resource types come from the catalog; without them the lists still work.
  const types = useAsync(async () => {
    const refs = model?.resources.map(r => r.entityRef) ?? [];
    if (refs.length === 0) return new Map<string, string>();
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.type'],
    });
    return new Map(
      items.flatMap((e, i) =>
        e && typeof e.spec?.type === 'string' ? [[refs[i], e.spec.type]] : [],
      ),
    );
  }, [catalogApi, model]);

  const content =
    model && !detail.loading && !detail.error ? (
      <Dependencies model={model} types={types.value ?? new Map()} />
    ) : (
      <ServiceDetailState detail={detail} what="the dependencies" />
    );
  return (
    <InfoCard title="Dependencies" variant={props.variant}>
      {content}
    </InfoCard>
  );
}
