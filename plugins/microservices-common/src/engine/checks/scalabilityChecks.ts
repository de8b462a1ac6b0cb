import { specOf, stringValue } from '../graph/entityFields';
import type { CheckDefinition } from '../types';
import { fail, listRefs, pass, serviceNode } from './outcomes';

const independentlyDeployable: CheckDefinition = {
  id: 'scalability.independently-deployable',
  principle: 'scalability',
  title: 'Independently deployable',
  description:
    'Is not a `subcomponentOf` another component, has a `spec.lifecycle`, and shares no deployment id (`backstage.io/kubernetes-id`, `argocd/app-name`) with another service.',
  defaultWeight: 2,
  evaluate(service, { graph }) {
    const node = serviceNode(service, graph);
    const problems: string[] = [];
    const fixes: string[] = [];
    const related: string[] = [];
    if (node.subcomponentOf) {
      const parent = node.subcomponentOf.ref ?? node.subcomponentOf.text;
      problems.push(`is a subcomponent of \`${parent}\``);
      fixes.push(
        'remove `spec.subcomponentOf` and register the service as a component of its own',
      );
      related.push(parent);
    }
    const lifecycle = stringValue(specOf(service).lifecycle);
    if (!lifecycle) {
      problems.push('has no `spec.lifecycle`');
      fixes.push('add `spec.lifecycle` (e.g. `production` or `experimental`)');
    }
    for (const { annotation, value, services } of graph.sharedDeploymentIdsOf(
      node.ref,
    )) {
      const others = services.filter(other => other !== node.ref);
      problems.push(
        `shares \`${annotation}: ${value}\` with ${listRefs(others)}`,
      );
      fixes.push(
        `give it a deployment of its own and set \`${annotation}\` to that deployment's id`,
      );
      related.push(...others);
    }
    if (problems.length === 0) {
      return pass(
        `Is a component of its own with lifecycle \`${lifecycle}\` and its own deployment id.`,
      );
    }
    const sentence = (parts: string[]) =>
      parts.join('; ').replace(/^./, c => c.toUpperCase());
    return fail(`${sentence(problems)}.`, `${sentence(fixes)}.`, related);
  },
};

export const scalabilityChecks: CheckDefinition[] = [independentlyDeployable];
