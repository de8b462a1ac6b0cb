import type { CheckDefinition } from '../types';
import { fail, notApplicable, pass, serviceNode } from './outcomes';

const coherentOwnership: CheckDefinition = {
  id: 'organizational-alignment.coherent-ownership',
  principle: 'organizational-alignment',
  title: 'Coherent ownership',
  description:
    "The service's owner is its System's owner or a child group of it (`spec.parent`, transitively).",
  defaultWeight: 2,
  evaluate(service, { graph }) {
    const node = serviceNode(service, graph);
    const system = graph.systemNodeOf(node.ref);
    if (!system) {
      return notApplicable('Has no resolvable System to compare owners with.');
    }
    const systemOwner = system.owner?.ref;
    if (!systemOwner) {
      return fail(
        `Its system \`${system.ref}\` has no valid \`spec.owner\`.`,
        `Add \`spec.owner: <team>\` to the System \`${system.ref}\`.`,
        [system.ref],
      );
    }
    const owner = node.owner?.ref;
    if (!owner) {
      // Charged once, by devops.owned-by-team.
      return notApplicable(
        `Has no valid \`spec.owner\` to compare with \`${systemOwner}\`, the owner of its system \`${system.ref}\`.`,
      );
    }
    if (owner === systemOwner) {
      return pass(
        `Its owner \`${owner}\` also owns its system \`${system.ref}\`.`,
      );
    }
    if (graph.groupAncestors(owner).includes(systemOwner)) {
      return pass(
        `Its owner \`${owner}\` is a child group of \`${systemOwner}\`, the owner of its system \`${system.ref}\`.`,
      );
    }
    return fail(
      `Its owner \`${owner}\` is neither \`${systemOwner}\`, the owner of its system \`${system.ref}\`, nor a child group of it.`,
      `Set \`spec.owner\` to \`${systemOwner}\` or one of its child groups, move the service to a System its team owns (\`spec.system\`), or make \`${owner}\` a child group of \`${systemOwner}\` (\`spec.parent\`).`,
      [system.ref, systemOwner, owner],
    );
  },
};

export const organizationalAlignmentChecks: CheckDefinition[] = [
  coherentOwnership,
];
