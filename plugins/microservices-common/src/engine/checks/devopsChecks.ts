import type { CheckDefinition } from '../types';
import { annotationCheck } from './annotationCheck';
import { fail, pass, serviceNode } from './outcomes';

const ownedByTeam: CheckDefinition = {
  id: 'devops.owned-by-team',
  principle: 'devops',
  title: 'Owned by a team',
  description: '`spec.owner` names an existing Group, not a User.',
  defaultWeight: 3,
  evaluate(service, { graph }) {
    const { owner } = serviceNode(service, graph);
    const remediation =
      'Set `spec.owner` to the team that runs the service, e.g. `spec.owner: group:<team-name>`, and register that Group in the catalog.';
    if (!owner) {
      return fail('Has no `spec.owner`.', remediation);
    }
    if (!owner.ref) {
      return fail(
        `\`spec.owner\` is not a valid ref: ${owner.text}.`,
        remediation,
      );
    }
    const target = graph.node(owner.ref);
    if (!target) {
      return fail(
        `\`spec.owner\` \`${owner.text}\` names \`${
          owner.ref
        }\`, which is not in the catalog${
          owner.text.includes('@') ? ' (an e-mail address is not a team)' : ''
        }.`,
        remediation,
        [owner.ref],
      );
    }
    if (target.kind !== 'group') {
      return fail(
        `Is owned by \`${owner.ref}\`, a ${target.entity.kind}${
          target.kind === 'user' ? ' (a person)' : ''
        }, not a team.`,
        remediation,
        [owner.ref],
      );
    }
    return pass(`Is owned by the group \`${owner.ref}\`.`, [owner.ref]);
  },
};

export const devopsChecks: CheckDefinition[] = [
  ownedByTeam,
  annotationCheck({
    id: 'devops.on-call',
    principle: 'devops',
    title: 'Has on-call',
    defaultWeight: 2,
    list: 'onCall',
    subject: 'on-call rotation',
  }),
];
