import type { Entity } from '@backstage/catalog-model';
import {
  CatalogGraph,
  DependencyEdge,
  DependencyRef,
  isFailingCheck,
  ServiceDetail,
  ServiceEvaluation,
} from '@microservices-backstage/plugin-microservices-common';

/** How many other members of a cycle a service's detail names. */
const MAX_CYCLE_MEMBERS = 100;

function describeEdge(
  graph: CatalogGraph,
  entityRef: string,
  edge: DependencyEdge,
): DependencyRef {
  const node = graph.node(entityRef);
  const title = node?.entity.metadata?.title;
  const ref: DependencyRef = {
    entityRef,
    via: edge.via,
    kind: entityRef.slice(0, entityRef.indexOf(':')),
    exists: node !== undefined,
    datastore: graph.isDatastore(entityRef),
  };
  if (edge.apiRef) ref.apiRef = edge.apiRef;
  if (typeof title === 'string' && title.trim()) ref.title = title.trim();
  return ref;
}

/**
 * The stored and served view of one evaluated service: the result plus ownership and the
 * graph facts the engine derived (edges, cycle, shared datastores). The UI shows these; it
 * does not re-derive them.
 */
export function toServiceDetail(
  evaluation: ServiceEvaluation,
  graph: CatalogGraph,
  evaluatedAt: string,
): Omit<ServiceDetail, 'health'> {
  const ref = evaluation.entityRef;
  const node = graph.node(ref);
  const entity: Partial<Entity> = node?.entity ?? {};
  const failing = evaluation.checks.filter(isFailingCheck);
  const upstream = graph.upstreamOf(ref).map(e => describeEdge(graph, e.to, e));
  const downstream = graph
    .downstreamOf(ref)
    .map(e => describeEdge(graph, e.from, e));
  const lifecycle = (entity.spec as { lifecycle?: unknown } | undefined)?.lifecycle;
  const cycle = graph.cycleOf(ref);
  const detail: Omit<ServiceDetail, 'health'> = {
    entityRef: ref,
    namespace: entity.metadata?.namespace ?? 'default',
    name: entity.metadata?.name ?? ref.slice(ref.indexOf('/') + 1),
    title: typeof entity.metadata?.title === 'string' ? entity.metadata.title : undefined,
    owner: graph.ownerKeyOf(ref),
    system: graph.systemKeyOf(ref),
    domain: graph.domainOf(ref),
    lifecycle: typeof lifecycle === 'string' ? lifecycle.toLocaleLowerCase('en-US') : undefined,
    score: evaluation.score,
    level: evaluation.level,
    failingPrinciples: [...new Set(failing.map(c => c.principle))].sort(),
    failingChecks: failing.map(c => c.id).sort(),
    dependencyCount: new Set(upstream.map(d => d.entityRef)).size,
    dependentCount: new Set(downstream.map(d => d.entityRef)).size,
    evaluatedAt,
    checks: evaluation.checks,
    upstream,
    downstream,
    sharedDatastores: graph.sharedDatastoresOf(ref),
    warnings: evaluation.warnings,
  };
  if (cycle) {
    detail.cycle = cycle.filter(member => member !== ref).slice(0, MAX_CYCLE_MEMBERS);
  }
  if (evaluation.nextLevel) detail.nextLevel = evaluation.nextLevel;
  return detail;
}
