import { useMemo } from 'react';
import { InfoCard, WarningPanel } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useServiceDetail } from '../../hooks/useServiceDetail';
import {
  buildDependencyModel,
  describeVia,
  DependencyItem,
  DependencyModel,
  itemMarks,
} from '../../lib/dependencyModel';
import { shortRef } from '../../lib/entityRefs';
import { LoadState, NOT_EVALUATED } from '../LoadState';
import { BreakableText } from '../BreakableText';
import { ServiceDependencyGraph } from '../ServiceDependencyGraph';
import { StatusText } from '../StatusText';

const labelOf = (ref: string) => shortRef(ref);

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

function ItemName(props: { item: DependencyItem }) {
  const { item } = props;
  const name = (
    <BreakableText text={item.title ?? shortRef(item.entityRef, item.kind)} />
  );
  if (!item.exists) {
    // A ref that names no entity: text, never a link to a page that does not exist.
    return <span title={item.entityRef}>{name}</span>;
  }
  return <EntityRefLink entityRef={item.entityRef}>{name}</EntityRefLink>;
}

function ItemList(props: {
  title: string;
  items: DependencyItem[];
  empty: string;
  direction: 'upstream' | 'downstream';
}) {
  const { title, items, empty, direction } = props;
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
          {items.map(item => {
            // What it is (for resources) and how the edge is declared, in one parenthesis;
            // a plain dependsOn on this service is the usual case and goes without saying.
            const details = [
              ...(item.kind !== 'component' && item.exists
                ? [item.datastore ? 'datastore' : item.kind]
                : []),
              ...describeVia(item, direction, labelOf).filter(
                d => d !== 'dependsOn',
              ),
            ];
            const marks = itemMarks(item);
            return (
              <li key={item.entityRef}>
                <Typography variant="body2" component="span">
                  <ItemName item={item} />
                  {item.apiRefs.length > 0 && (
                    <>
                      {' '}
                      via <RefList refs={item.apiRefs} kind="api" />
                    </>
                  )}
                  {details.length > 0 && ` (${details.join('; ')})`}
                  {marks.map(mark => (
                    <span key={mark}>
                      {' '}
                      <StatusText
                        tone={
                          mark === 'shared with services of the same team' ||
                          mark === 'not in the catalog'
                            ? 'warning'
                            : 'error'
                        }
                      >
                        {mark}
                      </StatusText>
                    </span>
                  ))}
                </Typography>
              </li>
            );
          })}
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
  const conflicting = model.sharedDatastores.filter(d => d.conflicting);
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
      {conflicting.length > 0 && (
        <WarningPanel
          severity="warning"
          title="This service shares a datastore with another team or system"
          defaultExpanded
        >
          {conflicting.map(d => (
            <Typography variant="body2" key={d.datastoreRef}>
              <RefList refs={[d.datastoreRef]} kind="resource" /> is also used
              by{' '}
              <RefList
                refs={d.services.filter(s => s !== model.serviceRef)}
                kind="component"
              />
              .
            </Typography>
          ))}
        </WarningPanel>
      )}
      {model.missing.length > 0 && (
        <WarningPanel
          severity="warning"
          title={`${model.missing.length} ${
            model.missing.length === 1 ? 'reference names' : 'references name'
          } no entity in the catalog`}
          defaultExpanded
        >
          <Typography variant="body2">
            {model.missing.map(m => m.entityRef).join(', ')}: register{' '}
            {model.missing.length === 1 ? 'it' : 'them'} in the catalog, or
            remove the reference from catalog-info.yaml.
          </Typography>
        </WarningPanel>
      )}
    </>
  );
}

function Dependencies(props: { model: DependencyModel }) {
  const { model } = props;
  const dependencies = [...model.upstream, ...model.resources];
  const total = dependencies.length + model.downstream.length;
  const serviceMarks = [
    ...(model.cycleRefs.length ? ['in a dependency cycle'] : []),
    ...(model.sharedDatastores.some(d => d.conflicting)
      ? ['shares a datastore']
      : []),
  ];
  const detailOf = (
    item: DependencyItem,
    direction: 'upstream' | 'downstream',
  ) => {
    const parts = [
      ...(item.apiRefs.length
        ? [`via ${item.apiRefs.map(labelOf).join(', ')}`]
        : []),
      ...describeVia(item, direction, labelOf).filter(d => d !== 'dependsOn'),
    ];
    return parts.length ? parts.join('; ') : undefined;
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
          serviceLabel={labelOf(model.serviceRef)}
          serviceMarks={serviceMarks}
          upstream={dependencies}
          downstream={model.downstream}
          labelOf={labelOf}
          detailOf={detailOf}
          description={`Dependency graph: ${model.downstream.length} dependents on the left, the service, ${dependencies.length} dependencies on the right. The lists below say the same in text.`}
        />
      )}
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <ItemList
            title="Depends on"
            items={model.upstream}
            empty="No services or components."
            direction="upstream"
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <ItemList
            title="Depended on by"
            items={model.downstream}
            empty="Nothing in the catalog depends on it."
            direction="downstream"
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <ItemList
            title="Datastores and other resources"
            items={model.resources}
            empty="No resources."
            direction="upstream"
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
 * other resources, APIs consumed and provided; dependency cycles, shared datastores and
 * references to entities that are not in the catalog marked. Everything comes from the
 * backend's result for the service (its edges, cycle and shared datastores).
 */
export function EntityDependenciesCard(props: { variant?: 'gridItem' }) {
  const { entity } = useEntity();
  const detail = useServiceDetail(entity);
  const model = useMemo(
    () =>
      detail.value
        ? buildDependencyModel(detail.value, entity as Entity)
        : undefined,
    [detail.value, entity],
  );
  return (
    <InfoCard title="Dependencies" variant={props.variant}>
      <LoadState
        loading={detail.loading}
        error={detail.error}
        onRetry={detail.retry}
        what="the dependencies"
        notFound={NOT_EVALUATED}
        empty={!model && NOT_EVALUATED}
      >
        {() => model && <Dependencies model={model} />}
      </LoadState>
    </InfoCard>
  );
}
