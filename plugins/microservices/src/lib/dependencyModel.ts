import {
  Entity,
  RELATION_CONSUMES_API,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type {
  DependencyRef,
  ServiceDetail,
  SharedDatastore,
} from '@microservices-backstage/plugin-microservices-common';
import { relationTargets } from './entityRefs';

/** Check ids the dashboard links to (the overview filtered by a failing check). */
export const SHARED_DATASTORE_CHECK = 'decentralized-data.no-shared-datastore';
export const DEPENDENCY_CYCLE_CHECK = 'fault-isolation.no-dependency-cycle';

/** Neighbours shown per side of the graph before the rest collapse into "+N more". */
export const MAX_GRAPH_NEIGHBOURS = 12;

/** One entity at the other end of one or more dependency edges. */
export interface DependencyItem {
  entityRef: string;
  /** Lower-case kind: component, resource... */
  kind: string;
  /** Its title, when it has one. */
  title?: string;
  /** False when the ref names no entity in the catalog. */
  exists: boolean;
  /** A Resource of a configured datastore type. */
  datastore: boolean;
  /** How the edges are declared, each once, in a stable order. */
  vias: DependencyRef['via'][];
  /** The APIs the edges go through (for `consumesApis`). */
  apiRefs: string[];
  /** On a dependency cycle with the service. */
  inCycle: boolean;
  /**
   * A datastore this service shares with other services (`conflicting` when they differ in
   * owner or system), or a service that shares one with this service across teams or systems.
   */
  shared?: { conflicting: boolean };
}

export interface DependencyModel {
  serviceRef: string;
  /** Components (and dangling refs of other kinds) this service depends on. */
  upstream: DependencyItem[];
  /** Resources this service depends on: datastores, brokers... */
  resources: DependencyItem[];
  /** What depends on this service. */
  downstream: DependencyItem[];
  apisConsumed: string[];
  apisProvided: string[];
  /** The other members of the service's dependency cycle, if it is on one. */
  cycleRefs: string[];
  /** Datastores this service shares with other services, as the backend found them. */
  sharedDatastores: SharedDatastore[];
  /** Dependencies and dependents that are not in the catalog. */
  missing: DependencyItem[];
}

const VIA_ORDER: DependencyRef['via'][] = [
  'dependsOn',
  'dependencyOf',
  'consumesApis',
];

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

function problemRank(item: DependencyItem): number {
  if (!item.exists) return 0;
  if (item.inCycle) return 1;
  if (item.shared?.conflicting) return 2;
  if (item.datastore) return 3;
  if (item.kind === 'resource') return 4;
  return 5;
}

/** Problems first (missing, cycle, shared across teams), then datastores, then by name. */
export function compareItems(a: DependencyItem, b: DependencyItem): number {
  return (
    problemRank(a) - problemRank(b) || a.entityRef.localeCompare(b.entityRef)
  );
}

function mergeEdges(
  edges: DependencyRef[],
  marks: { cycle: Set<string>; shared: Map<string, boolean> },
): DependencyItem[] {
  const items = new Map<string, DependencyItem>();
  for (const edge of edges) {
    const ref = lower(edge.entityRef);
    const item: DependencyItem = items.get(ref) ?? {
      entityRef: ref,
      kind: lower(edge.kind),
      title: edge.title,
      exists: edge.exists,
      datastore: edge.datastore,
      vias: [],
      apiRefs: [],
      inCycle: marks.cycle.has(ref),
      shared: marks.shared.has(ref)
        ? { conflicting: marks.shared.get(ref)! }
        : undefined,
    };
    if (!item.vias.includes(edge.via)) {
      item.vias.push(edge.via);
      item.vias.sort((a, b) => VIA_ORDER.indexOf(a) - VIA_ORDER.indexOf(b));
    }
    if (edge.apiRef && !item.apiRefs.includes(lower(edge.apiRef)))
      item.apiRefs.push(lower(edge.apiRef));
    items.set(ref, item);
  }
  return [...items.values()].sort(compareItems);
}

/**
 * Everything the dependencies card shows of a service, from the backend's result: its edges
 * (with whether the other end exists and is a datastore), its cycle and shared datastores; the
 * APIs it provides and consumes come from the catalog entity's relations.
 */
export function buildDependencyModel(
  detail: Pick<
    ServiceDetail,
    'entityRef' | 'upstream' | 'downstream' | 'cycle' | 'sharedDatastores'
  >,
  entity?: Entity,
): DependencyModel {
  const serviceRef = lower(detail.entityRef);
  const cycleRefs = (detail.cycle ?? [])
    .map(lower)
    .filter(r => r !== serviceRef);
  const sharedDatastores = detail.sharedDatastores ?? [];
  // Datastores marked shared; services marked only when the sharing crosses teams or systems.
  const shared = new Map<string, boolean>();
  for (const d of sharedDatastores) {
    shared.set(lower(d.datastoreRef), d.conflicting);
    if (!d.conflicting) continue;
    for (const s of d.services) {
      if (lower(s) !== serviceRef) shared.set(lower(s), true);
    }
  }
  const marks = { cycle: new Set(cycleRefs), shared };
  const upstreamAll = mergeEdges(detail.upstream, marks);
  const downstream = mergeEdges(detail.downstream, marks);
  const apisConsumed = new Set(relationTargets(entity, RELATION_CONSUMES_API));
  for (const edge of detail.upstream) {
    if (edge.apiRef) apisConsumed.add(lower(edge.apiRef));
  }
  const missing = new Map<string, DependencyItem>();
  for (const item of [...upstreamAll, ...downstream]) {
    if (!item.exists) missing.set(item.entityRef, item);
  }
  return {
    serviceRef,
    upstream: upstreamAll.filter(i => i.kind !== 'resource'),
    resources: upstreamAll.filter(i => i.kind === 'resource'),
    downstream,
    apisConsumed: [...apisConsumed].sort(),
    apisProvided: relationTargets(entity, RELATION_PROVIDES_API),
    cycleRefs,
    sharedDatastores,
    missing: [...missing.values()],
  };
}

/** Words that say what colour and outline also say, for a node and a list entry. */
export function itemMarks(item: DependencyItem): string[] {
  const marks: string[] = [];
  if (!item.exists) marks.push('not in the catalog');
  if (item.inCycle) marks.push('in a dependency cycle');
  if (item.shared) {
    if (item.kind === 'resource') {
      marks.push(
        item.shared.conflicting
          ? 'shared with another team or system'
          : 'shared with services of the same team',
      );
    } else {
      marks.push('shares a datastore with this service');
    }
  }
  return marks;
}

/**
 * How an edge is declared, in words, from the side of the item: "dependsOn", "declared by
 * payments-db (dependencyOf)", "via auth-api".
 */
export function describeVia(
  item: DependencyItem,
  direction: 'upstream' | 'downstream',
  labelOf: (ref: string) => string,
): string[] {
  return item.vias.flatMap(via => {
    if (via === 'consumesApis') return [];
    if (via === 'dependsOn') {
      return [
        direction === 'upstream'
          ? 'dependsOn'
          : `dependsOn declared by ${labelOf(item.entityRef)}`,
      ];
    }
    return [
      direction === 'upstream'
        ? `dependencyOf declared by ${labelOf(item.entityRef)}`
        : 'dependencyOf declared by this service',
    ];
  });
}

/** One side of the graph: what is drawn, and how many collapse into "+N more". */
export interface GraphSide {
  shown: DependencyItem[];
  hidden: number;
}

/**
 * The neighbours drawn on one side of the graph: all of them up to `max`; beyond, the first
 * `max - 1` (problems first) and a "+N more" entry for the rest, unless expanded.
 */
export function graphSide(
  items: DependencyItem[],
  expanded: boolean,
  max = MAX_GRAPH_NEIGHBOURS,
): GraphSide {
  const sorted = [...items].sort(compareItems);
  if (expanded || sorted.length <= max) return { shown: sorted, hidden: 0 };
  return {
    shown: sorted.slice(0, max - 1),
    hidden: sorted.length - (max - 1),
  };
}

/** The ref of an entity, lower-case, as the backend writes refs. */
export function entityRefOf(entity: Entity): string {
  return lower(stringifyEntityRef(entity));
}
