import { annotationsOf, lowercase, stringValue } from '../graph/entityFields';
import type { CheckDefinition } from '../types';
import { fail, listRefs, notApplicable, pass, serviceNode } from './outcomes';

/**
 * Where a service declares how it keeps data consistent across services.
 *
 * @public
 */
export const CONSISTENCY_ANNOTATION = 'microservices.backstage.io/consistency';
/** @public */
export const CONSISTENCY_STRATEGIES = [
  'saga',
  'outbox',
  'eventual',
  'transactional',
] as const;

const strategyDeclared: CheckDefinition = {
  id: 'data-consistency.strategy-declared',
  principle: 'data-consistency',
  title: 'Consistency strategy declared',
  description: `A service that provides or consumes an event API (\`asyncapi\`) or writes to a datastore another service also uses declares its strategy in \`${CONSISTENCY_ANNOTATION}\` (${CONSISTENCY_STRATEGIES.join(
    ', ',
  )}).`,
  defaultWeight: 2,
  evaluate(service, { graph }) {
    const node = serviceNode(service, graph);
    const eventApis = [...node.providesApis, ...node.consumesApis].flatMap(
      ({ ref }) => {
        const api = ref ? graph.node(ref) : undefined;
        return api?.kind === 'api' && api.type === 'asyncapi' ? [api.ref] : [];
      },
    );
    const sharedWrites = graph
      .sharedDatastoresOf(node.ref)
      .map(shared => shared.datastoreRef);
    const reasons: string[] = [];
    if (eventApis.length > 0) {
      reasons.push(`it exchanges events through ${listRefs([...new Set(eventApis)])}`);
    }
    if (sharedWrites.length > 0) {
      reasons.push(
        `it shares ${
          sharedWrites.length === 1 ? 'the datastore' : 'the datastores'
        } ${listRefs(sharedWrites)} with other services`,
      );
    }
    if (reasons.length === 0) {
      return notApplicable(
        'Provides or consumes no event API (`asyncapi`) and shares no datastore, so no cross-service consistency to declare.',
      );
    }
    const why = reasons.join(' and ');
    const remediation = `Add the annotation \`${CONSISTENCY_ANNOTATION}\` with the strategy the service follows: ${CONSISTENCY_STRATEGIES.map(
      s => `\`${s}\``,
    ).join(', ')}.`;
    const raw = annotationsOf(service)[CONSISTENCY_ANNOTATION];
    if (raw === undefined) {
      return fail(
        `Declares no data consistency strategy although ${why}.`,
        remediation,
        [...eventApis, ...sharedWrites],
      );
    }
    const strategy = lowercase(stringValue(raw) ?? '');
    if (!(CONSISTENCY_STRATEGIES as readonly string[]).includes(strategy)) {
      return fail(
        `\`${CONSISTENCY_ANNOTATION}: ${raw}\` is not one of ${CONSISTENCY_STRATEGIES.join(
          ', ',
        )}.`,
        remediation,
      );
    }
    return pass(`Declares the \`${strategy}\` consistency strategy; ${why}.`);
  },
};

export const dataConsistencyChecks: CheckDefinition[] = [strategyDeclared];
