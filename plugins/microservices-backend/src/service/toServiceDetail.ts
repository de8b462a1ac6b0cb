import type { Entity } from '@backstage/catalog-model';
import type {
  CatalogGraph,
  DependencyRef,
  ServiceDetail,
  ServiceEvaluation,
} from '@microservices-backstage/plugin-microservices-common';

const FAILING = new Set(['fail', 'error']);

function upstreamOf(graph: CatalogGraph, ref: string): DependencyRef[] {
  const node = graph.node(ref);
  if (!node) return [];
  const deps: DependencyRef[] = [];
  const seen = new Set<string>();
  const add = (dep: DependencyRef) => {
    const key = `${dep.entityRef}|${dep.apiRef ?? ''}`;
    if (dep.entityRef !== ref && !seen.has(key)) {
      seen.add(key);
      deps.push(dep);
    }
  };
  for (const target of node.dependsOn) {
    if (target.ref) add({ entityRef: target.ref, via: 'dependsOn' });
  }
  for (const api of node.consumesApis) {
    if (!api.ref) continue;
    for (const provider of graph.providersOf(api.ref)) {
      add({ entityRef: provider, via: 'consumesApis', apiRef: api.ref });
    }
  }
  return deps;
}

function downstreamOf(graph: CatalogGraph, ref: string): DependencyRef[] {
  return graph.dependentsOf(ref).flatMap(dependent =>
    upstreamOf(graph, dependent)
      .filter(d => d.entityRef === ref)
      .map(d => ({ ...d, entityRef: dependent })),
  );
}

/** The stored and served view of one evaluated service: result plus ownership and edges. */
export function toServiceDetail(
  evaluation: ServiceEvaluation,
  graph: CatalogGraph,
  evaluatedAt: string,
): ServiceDetail {
  const ref = evaluation.entityRef;
  const node = graph.node(ref);
  const entity: Partial<Entity> = node?.entity ?? {};
  const failing = evaluation.checks.filter(c => FAILING.has(c.status));
  const upstream = upstreamOf(graph, ref);
  const downstream = downstreamOf(graph, ref);
  const lifecycle = (entity.spec as { lifecycle?: unknown } | undefined)?.lifecycle;
  return {
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
    health: { status: 'unknown' },
    evaluatedAt,
    checks: evaluation.checks,
    upstream,
    downstream,
  };
}
