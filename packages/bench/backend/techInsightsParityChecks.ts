/*
 * The five checks of the Tech Insights side by side (npm run bench:tech-insights), written as
 * custom checks of the microservices plugin with the same meaning as the json-rules-engine
 * checks on Tech Insights' built-in facts (entityOwnershipFactRetriever: hasOwner,
 * hasGroupOwner; entityMetadataFactRetriever: hasDescription, hasTitle, hasTags), so that
 * both products must find the same failing services.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  microservicesChecksExtensionPoint,
  type CheckDefinition,
  type CheckOutcome,
} from '@microservices-backstage/plugin-microservices-node';

const PRINCIPLE = 'tech-insights-parity';

const outcome = (passed: boolean, what: string): CheckOutcome =>
  passed
    ? { status: 'pass', message: `Has ${what}.` }
    : {
        status: 'fail',
        message: `Has no ${what}.`,
        remediation: `Add ${what}.`,
      };

function parityCheck(
  id: string,
  what: string,
  holds: (entity: Entity) => boolean,
): CheckDefinition {
  return {
    id: `${PRINCIPLE}.${id}`,
    principle: PRINCIPLE,
    title: `Has ${what}`,
    description: `The same test as the Tech Insights check on ${what}.`,
    defaultWeight: 1,
    evaluate: service => outcome(holds(service), what),
  };
}

const owner = (entity: Entity) => entity.spec?.owner;

/** The ids, in the order the bench reports them, next to Tech Insights' check ids. */
export const techInsightsParityChecks: CheckDefinition[] = [
  // Tech Insights' hasGroupOwner: an owner that is not written as a user ref.
  parityCheck('group-owner', 'a group owner', e => {
    const value = owner(e);
    return (
      typeof value === 'string' && value !== '' && !value.startsWith('user:')
    );
  }),
  parityCheck('owner', 'an owner', e => Boolean(owner(e))),
  parityCheck('description', 'a description', e =>
    Boolean(e.metadata.description),
  ),
  parityCheck('title', 'a title', e => Boolean(e.metadata.title)),
  parityCheck('tags', 'tags', e => (e.metadata.tags ?? []).length > 0),
];

export const techInsightsParityChecksModule = createBackendModule({
  pluginId: 'microservices',
  moduleId: 'tech-insights-parity-checks',
  register(reg) {
    reg.registerInit({
      deps: { checks: microservicesChecksExtensionPoint },
      async init({ checks }) {
        checks.addChecks(...techInsightsParityChecks);
      },
    });
  },
});
