import type { CatalogGraph, EntityNode } from '../CatalogGraph';
import type { CheckDefinition } from '../types';
import { fail, listRefs, pass, plural, serviceNode } from './outcomes';

/** How many other cycle members a result names in `related`. */
const RELATED_MEMBERS = 100;

/** The declarations that lead from the service into its cycle, as written in catalog-info.yaml. */
function edgesIntoCycle(
  node: EntityNode,
  members: ReadonlySet<string>,
  graph: CatalogGraph,
): string[] {
  const edges: string[] = [];
  if (graph.dependsOnItself(node.ref)) {
    for (const field of [node.dependsOn, node.dependencyOf]) {
      const self = field.find(d => d.ref === node.ref);
      if (self) edges.push(`\`${self.field}: ${self.text}\``);
    }
  }
  const throughApi = new Map<string, string[]>();
  for (const { to, via, apiRef } of graph.upstreamOf(node.ref)) {
    if (!members.has(to)) continue;
    if (via === 'dependsOn') {
      const written = node.dependsOn.find(d => d.ref === to)?.text ?? to;
      edges.push(`\`spec.dependsOn: ${written}\``);
    } else if (via === 'dependencyOf') {
      edges.push(`\`spec.dependencyOf: ${node.ref}\` on \`${to}\``);
    } else if (apiRef) {
      const providers = throughApi.get(apiRef) ?? [];
      providers.push(to);
      throughApi.set(apiRef, providers);
    }
  }
  for (const [apiRef, providers] of throughApi) {
    const written = node.consumesApis.find(c => c.ref === apiRef)?.text ?? apiRef;
    edges.push(
      `\`spec.consumesApis: ${written}\` (provided by ${listRefs(providers)})`,
    );
  }
  return edges;
}

const noDependencyCycle: CheckDefinition = {
  id: 'fault-isolation.no-dependency-cycle',
  principle: 'fault-isolation',
  title: 'Not in a dependency cycle',
  description:
    'Is on no cycle of the dependency graph (`dependsOn`, `dependencyOf` and the providers of consumed APIs, across all entities).',
  defaultWeight: 3,
  evaluate(service, { graph }) {
    const node = serviceNode(service, graph);
    const cycle = graph.cycleOf(node.ref);
    const members = graph.cycleMembersOf(node.ref);
    if (!cycle || !members) {
      return pass('Is on no dependency cycle.');
    }
    // Only the first few members are named; a cycle can hold thousands of entities.
    const named: string[] = [];
    for (const member of cycle) {
      if (named.length > RELATED_MEMBERS) break;
      if (member !== node.ref) named.push(member);
    }
    const otherCount = cycle.length - 1;
    const edges = edgesIntoCycle(node, members, graph);
    const seen =
      otherCount === 0
        ? 'Depends on itself: its `spec.dependsOn` or `spec.dependencyOf` names itself.'
        : `Is on a dependency cycle with ${plural(
            otherCount,
            'other entity',
            'other entities',
          )}: ${
            otherCount === named.length
              ? listRefs(named)
              : `${named
                  .slice(0, 10)
                  .map(ref => `\`${ref}\``)
                  .join(', ')} and ${otherCount - 10} more`
          }.`;
    return fail(
      seen,
      `Break the cycle by removing or inverting one dependency along it (e.g. replace a call with an event). This service's entries that lead into it: ${edges.join(
        ', ',
      )}.`,
      named,
    );
  },
};

const blastRadius: CheckDefinition = {
  id: 'fault-isolation.blast-radius',
  principle: 'fault-isolation',
  title: 'Bounded blast radius',
  description:
    'At most `thresholds.maxBlastRadius` services depend on it, directly or transitively.',
  defaultWeight: 1,
  evaluate(service, { graph, config }) {
    const ref = graph.refOf(service);
    const max = config.thresholds.maxBlastRadius;
    const count = graph.blastRadiusOf(ref);
    if (count <= max) {
      return pass(
        `${plural(count, 'service')} depend${
          count === 1 ? 's' : ''
        } on it, directly or transitively (at most ${max} allowed).`,
      );
    }
    const direct = graph.dependentsOf(ref);
    return fail(
      `${count} services depend on it, directly or transitively, more than the ${max} allowed; its direct dependents are ${listRefs(
        direct,
      )}.`,
      `Reduce what a failure of this service takes down: split it so that dependents need only a part, or let them use it asynchronously, so that fewer services list it (or its APIs) in \`spec.dependsOn\`/\`spec.consumesApis\`.`,
      direct,
    );
  },
};

export const faultIsolationChecks: CheckDefinition[] = [
  noDependencyCycle,
  blastRadius,
];
