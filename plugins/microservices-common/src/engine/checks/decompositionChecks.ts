import type { CheckDefinition } from '../types';
import { fail, listRefs, pass, plural, serviceNode } from './outcomes';

const singleSystem: CheckDefinition = {
  id: 'decomposition.single-system',
  principle: 'decomposition',
  title: 'Belongs to exactly one system',
  description: '`spec.system` is set and names an existing System.',
  defaultWeight: 3,
  evaluate(service, { graph }) {
    const { system } = serviceNode(service, graph);
    if (!system) {
      return fail(
        'Has no `spec.system`.',
        'Add `spec.system: <system-name>` naming the System (a `kind: System` entity) this service belongs to.',
      );
    }
    if (!system.ref) {
      return fail(
        `\`spec.system\` is not a single System ref: ${system.text}.`,
        'Set `spec.system` to the name of exactly one System, e.g. `spec.system: <system-name>`; a service that serves several systems should be split.',
      );
    }
    const target = graph.node(system.ref);
    if (!target) {
      return fail(
        `\`spec.system\` names \`${system.ref}\`, which is not in the catalog.`,
        `Register the System \`${system.ref}\` in the catalog, or change \`spec.system\` to an existing System.`,
        [system.ref],
      );
    }
    if (target.kind !== 'system') {
      return fail(
        `\`spec.system\` names \`${system.ref}\`, a ${target.entity.kind}, not a System.`,
        'Change `spec.system` to the name of a `kind: System` entity.',
        [system.ref],
      );
    }
    return pass(`Belongs to the system \`${system.ref}\`.`, [system.ref]);
  },
};

const apiSurface: CheckDefinition = {
  id: 'decomposition.api-surface',
  principle: 'decomposition',
  title: 'Small API surface',
  description: 'Provides at most `thresholds.maxProvidedApis` APIs.',
  defaultWeight: 1,
  evaluate(service, { graph, config }) {
    const max = config.thresholds.maxProvidedApis;
    const apis = [
      ...new Set(
        serviceNode(service, graph).providesApis.map(
          api => api.ref ?? api.text,
        ),
      ),
    ];
    if (apis.length <= max) {
      return pass(
        `Provides ${plural(apis.length, 'API')} (at most ${max} allowed).`,
      );
    }
    return fail(
      `Provides ${plural(
        apis.length,
        'API',
      )}, more than the ${max} allowed: ${listRefs(apis)}.`,
      `Split the service so that each part provides at most ${max} APIs, moving entries of \`spec.providesApis\` to the new components.`,
      apis,
    );
  },
};

const boundedFanOut: CheckDefinition = {
  id: 'decomposition.bounded-fan-out',
  principle: 'decomposition',
  title: 'Bounded fan-out',
  description:
    'Has at most `thresholds.maxFanOut` distinct dependencies (`dependsOn` targets and providers of consumed APIs).',
  defaultWeight: 1,
  evaluate(service, { graph, config }) {
    const max = config.thresholds.maxFanOut;
    const dependencies = graph.dependenciesOf(graph.refOf(service));
    if (dependencies.length <= max) {
      return pass(
        `Has ${plural(
          dependencies.length,
          'dependency',
          'dependencies',
        )} (at most ${max} allowed).`,
      );
    }
    return fail(
      `Has ${
        dependencies.length
      } distinct dependencies, more than the ${max} allowed: ${listRefs(
        dependencies,
      )}.`,
      `Reduce \`spec.dependsOn\` and \`spec.consumesApis\` to at most ${max} distinct dependencies, e.g. by moving the logic that needs them into a separate service or by depending on an aggregating API.`,
      dependencies,
    );
  },
};

const referencesResolve: CheckDefinition = {
  id: 'decomposition.references-resolve',
  principle: 'decomposition',
  title: 'References resolve',
  description:
    'Every ref in `dependsOn`, `consumesApis` and, on other entities, `dependencyOf` naming it, names an existing entity (owner, system and provided APIs are charged by their own checks).',
  defaultWeight: 1,
  evaluate(service, { graph }) {
    const dangling = graph.danglingRefsOf(graph.refOf(service));
    if (dangling.length === 0) {
      return pass(
        'Every ref in dependsOn, dependencyOf and consumesApis names an entity in the catalog.',
      );
    }
    const described = dangling.map(({ field, text, ref }) => {
      if (!ref) {
        return `${field} \`${text}\` (not a valid ref${
          field === 'spec.dependsOn' || field === 'spec.dependencyOf'
            ? '; write the kind, e.g. `component:<name>`'
            : ''
        })`;
      }
      return ref === text
        ? `${field} \`${ref}\``
        : `${field} \`${text}\` (\`${ref}\`)`;
    });
    return fail(
      `${plural(dangling.length, 'reference')} ${
        dangling.length === 1 ? 'names' : 'name'
      } no entity in the catalog: ${described.join(', ')}.`,
      'Correct these refs in catalog-info.yaml (as `[<kind>:][<namespace>/]<name>`), remove them, or register the entities they name.',
      dangling.map(({ ref, text }) => ref ?? text),
    );
  },
};

export const decompositionChecks: CheckDefinition[] = [
  singleSystem,
  apiSurface,
  boundedFanOut,
  referencesResolve,
];
