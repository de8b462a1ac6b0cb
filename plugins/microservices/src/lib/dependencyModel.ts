import {
  Entity,
  RELATION_CONSUMES_API,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type {
  CheckResult,
  DependencyRef,
  ServiceDetail,
} from '@microservices-backstage/plugin-microservices-common';
import { kindOf, relationTargets } from './entityRefs';

export const SHARED_DATASTORE_CHECK = 'decentralized-data.no-shared-datastore';
export const DEPENDENCY_CYCLE_CHECK = 'fault-isolation.no-dependency-cycle';

/** One entity at the other end of one or more dependency edges. */
export interface DependencyItem {
  entityRef: string;
  /** Lower-case kind: component, resource... */
  kind: string;
  /** How the edges are declared: `dependsOn`, and/or through the listed APIs. */
  direct: boolean;
  apiRefs: string[];
  /** On a dependency cycle with the service. */
  inCycle: boolean;
  /** A datastore shared with another team or system, or a service sharing one with this service. */
  sharesDatastore: boolean;
}

export interface DependencyModel {
  serviceRef: string;
  /** Components this service depends on, directly or through APIs. */
  upstream: DependencyItem[];
  /** Resources this service depends on: datastores, brokers... */
  resources: DependencyItem[];
  /** Components that depend on this service. */
  downstream: DependencyItem[];
  apisConsumed: string[];
  apisProvided: string[];
  /** The other members of the service's dependency cycle, if it is on one. */
  cycleRefs: string[];
  /** The datastores this service shares with another team or system. */
  sharedDatastoreRefs: string[];
  /** The other services using those datastores. */
  datastoreSharingServiceRefs: string[];
}

function relatedOf(checks: CheckResult[], id: string): string[] {
  const check = checks.find(c => c.id === id);
  if (!check || check.status === 'pass' || check.status === 'not-applicable')
    return [];
  return (check.related ?? []).map(r => r.toLocaleLowerCase('en-US'));
}

function mergeEdges(
  edges: DependencyRef[],
  marks: { cycle: Set<string>; shared: Set<string> },
): DependencyItem[] {
  const items = new Map<string, DependencyItem>();
  for (const edge of edges) {
    const ref = edge.entityRef.toLocaleLowerCase('en-US');
    const item = items.get(ref) ?? {
      entityRef: ref,
      kind: kindOf(ref) ?? 'component',
      direct: false,
      apiRefs: [],
      inCycle: marks.cycle.has(ref),
      sharesDatastore: marks.shared.has(ref),
    };
    if (edge.via === 'dependsOn') item.direct = true;
    if (edge.apiRef && !item.apiRefs.includes(edge.apiRef))
      item.apiRefs.push(edge.apiRef);
    items.set(ref, item);
  }
  return [...items.values()].sort(
    (a, b) =>
      Number(b.inCycle || b.sharesDatastore) -
        Number(a.inCycle || a.sharesDatastore) ||
      a.entityRef.localeCompare(b.entityRef),
  );
}

/**
 * Everything the dependencies card shows of a service: its edges from the backend's result, its
 * APIs from the catalog entity, and the cycle and shared-datastore findings from its checks.
 */
export function buildDependencyModel(
  detail: Pick<
    ServiceDetail,
    'entityRef' | 'checks' | 'upstream' | 'downstream'
  >,
  entity?: Entity,
): DependencyModel {
  const serviceRef = detail.entityRef.toLocaleLowerCase('en-US');
  const cycleRefs = relatedOf(detail.checks, DEPENDENCY_CYCLE_CHECK).filter(
    r => r !== serviceRef,
  );
  const sharedRelated = relatedOf(detail.checks, SHARED_DATASTORE_CHECK);
  const sharedDatastoreRefs = [
    ...new Set(sharedRelated.filter(r => kindOf(r) === 'resource')),
  ];
  const datastoreSharingServiceRefs = [
    ...new Set(
      sharedRelated.filter(r => kindOf(r) !== 'resource' && r !== serviceRef),
    ),
  ];
  const marks = {
    cycle: new Set(cycleRefs),
    shared: new Set([...sharedDatastoreRefs, ...datastoreSharingServiceRefs]),
  };
  const upstreamAll = mergeEdges(detail.upstream, marks);
  const apisConsumed = new Set(relationTargets(entity, RELATION_CONSUMES_API));
  for (const edge of detail.upstream) {
    if (edge.apiRef) apisConsumed.add(edge.apiRef.toLocaleLowerCase('en-US'));
  }
  return {
    serviceRef,
    upstream: upstreamAll.filter(i => i.kind !== 'resource'),
    resources: upstreamAll.filter(i => i.kind === 'resource'),
    downstream: mergeEdges(detail.downstream, marks),
    apisConsumed: [...apisConsumed].sort(),
    apisProvided: relationTargets(entity, RELATION_PROVIDES_API),
    cycleRefs,
    sharedDatastoreRefs,
    datastoreSharingServiceRefs,
  };
}

/** A node of the dependency graph. */
export interface DependencyGraphNode {
  id: string;
  label: string;
  kind: string;
  role: 'service' | 'upstream' | 'downstream';
  /** Words that say what colour also says: "in a cycle", "shared datastore". */
  marks: string[];
}

export interface DependencyGraphEdge {
  from: string;
  to: string;
  label?: string;
}

/** Nodes and edges for the graph: dependents → service → dependencies. */
export function toDependencyGraph(
  model: DependencyModel,
  labelOf: (ref: string) => string,
): { nodes: DependencyGraphNode[]; edges: DependencyGraphEdge[] } {
  const nodes = new Map<string, DependencyGraphNode>();
  const edges: DependencyGraphEdge[] = [];
  const marksOf = (item: DependencyItem) => [
    ...(item.inCycle ? ['in a cycle'] : []),
    ...(item.sharesDatastore
      ? [item.kind === 'resource' ? 'shared datastore' : 'shares a datastore']
      : []),
  ];
  nodes.set(model.serviceRef, {
    id: model.serviceRef,
    label: labelOf(model.serviceRef),
    kind: kindOf(model.serviceRef) ?? 'component',
    role: 'service',
    marks: [
      ...(model.cycleRefs.length ? ['in a cycle'] : []),
      ...(model.sharedDatastoreRefs.length ? ['shares a datastore'] : []),
    ],
  });
  const viaLabel = (item: DependencyItem) =>
    item.apiRefs.length
      ? `via ${item.apiRefs.map(labelOf).join(', ')}`
      : undefined;
  for (const item of [...model.upstream, ...model.resources]) {
    nodes.set(item.entityRef, {
      id: item.entityRef,
      label: labelOf(item.entityRef),
      kind: item.kind,
      role: 'upstream',
      marks: marksOf(item),
    });
    edges.push({
      from: model.serviceRef,
      to: item.entityRef,
      label: viaLabel(item),
    });
  }
  for (const item of model.downstream) {
    if (!nodes.has(item.entityRef)) {
      nodes.set(item.entityRef, {
        id: item.entityRef,
        label: labelOf(item.entityRef),
        kind: item.kind,
        role: 'downstream',
        marks: marksOf(item),
      });
    }
    edges.push({
      from: item.entityRef,
      to: model.serviceRef,
      label: viaLabel(item),
    });
  }
  return { nodes: [...nodes.values()], edges };
}

/** The ref of an entity, lower-case, as the backend writes refs. */
export function entityRefOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}
