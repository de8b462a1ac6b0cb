import type { CheckDefinition } from '../types';
import { fail, listRefs, notApplicable, pass } from './outcomes';

const ownsDatastore: CheckDefinition = {
  id: 'decentralized-data.owns-datastore',
  principle: 'decentralized-data',
  title: 'Owns its datastores',
  description:
    'Every datastore it depends on has the same `spec.owner` as the service.',
  defaultWeight: 2,
  evaluate(service, { graph }) {
    const ref = graph.refOf(service);
    const datastores = graph.datastoresOf(ref);
    if (datastores.length === 0) {
      return notApplicable('Depends on no datastore.');
    }
    const owner = graph.ownerKeyOf(ref);
    if (!owner) {
      // The missing owner is charged once, by devops.owned-by-team.
      return notApplicable(
        `Has no \`spec.owner\`, so the ownership of its datastores ${listRefs(
          datastores,
        )} cannot be compared.`,
      );
    }
    const foreign = datastores.filter(
      datastore => graph.ownerKeyOf(datastore) !== owner,
    );
    if (foreign.length === 0) {
      return pass(
        `Its owner \`${owner}\` owns its datastores ${listRefs(datastores)}.`,
        datastores,
      );
    }
    const described = foreign.map(
      datastore =>
        `\`${datastore}\` (owner \`${graph.ownerKeyOf(datastore) ?? 'none'}\`)`,
    );
    return fail(
      `Its owner \`${owner}\` does not own the datastores ${described.join(
        ', ',
      )}.`,
      `Set \`spec.owner: ${owner}\` in the catalog-info.yaml of these Resources if this team owns them; otherwise read the data through an API of the owning team's service and remove the dependency (\`spec.dependsOn\` here, or \`spec.dependencyOf\` on the Resource).`,
      foreign,
    );
  },
};

const noSharedDatastore: CheckDefinition = {
  id: 'decentralized-data.no-shared-datastore',
  principle: 'decentralized-data',
  title: 'No datastore shared with another team or system',
  description:
    'None of its datastores is also a dependency of a service with a different owner or a different system.',
  defaultWeight: 3,
  evaluate(service, { graph }) {
    const ref = graph.refOf(service);
    const datastores = graph.datastoresOf(ref);
    const owner = graph.ownerKeyOf(ref);
    const system = graph.systemKeyOf(ref);
    const findings: string[] = [];
    const related: string[] = [];
    for (const datastore of datastores) {
      const others = graph
        .servicesUsingDatastore(datastore)
        .filter(
          other =>
            other !== ref &&
            (graph.ownerKeyOf(other) !== owner ||
              graph.systemKeyOf(other) !== system),
        );
      if (others.length > 0) {
        const described = others.map(
          other =>
            `\`${other}\` (owner \`${
              graph.ownerKeyOf(other) ?? 'none'
            }\`, system \`${graph.systemKeyOf(other) ?? 'none'}\`)`,
        );
        findings.push(
          `\`${datastore}\` is also used by ${described.join(', ')}`,
        );
        related.push(datastore, ...others);
      }
    }
    if (findings.length === 0) {
      return pass(
        datastores.length === 0
          ? 'Depends on no datastore.'
          : `Shares none of its datastores with another team or system: ${listRefs(
              datastores,
            )}.`,
      );
    }
    return fail(
      `Shares datastores across owners or systems: ${findings.join('; ')}.`,
      "Give each service its own datastore, or let one service own the datastore and have the others use that service's API: replace their dependency on the Resource (`spec.dependsOn` on the service, or `spec.dependencyOf` on the Resource) with `spec.consumesApis`.",
      related,
    );
  },
};

export const decentralizedDataChecks: CheckDefinition[] = [
  ownsDatastore,
  noSharedDatastore,
];
