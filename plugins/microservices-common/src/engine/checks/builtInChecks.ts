import type { CheckDefinition } from '../types';
import { continuousDeliveryChecks } from './continuousDeliveryChecks';
import { dataConsistencyChecks } from './dataConsistencyChecks';
import { decentralizedDataChecks } from './decentralizedDataChecks';
import { decompositionChecks } from './decompositionChecks';
import { devopsChecks } from './devopsChecks';
import { domainDrivenDesignChecks } from './domainDrivenDesignChecks';
import { faultIsolationChecks } from './faultIsolationChecks';
import { infrastructureAsCodeChecks } from './infrastructureAsCodeChecks';
import { networkLatencyChecks } from './networkLatencyChecks';
import { observabilityChecks } from './observabilityChecks';
import { organizationalAlignmentChecks } from './organizationalAlignmentChecks';
import { scalabilityChecks } from './scalabilityChecks';
import { securityChecks } from './securityChecks';
import { technologyDiversityChecks } from './technologyDiversityChecks';

/**
 * Every built-in check, in the order of docs/checks.md.
 *
 * @public
 */
export const builtInChecks: readonly CheckDefinition[] = [
  ...decompositionChecks,
  ...domainDrivenDesignChecks,
  ...decentralizedDataChecks,
  ...continuousDeliveryChecks,
  ...devopsChecks,
  ...infrastructureAsCodeChecks,
  ...scalabilityChecks,
  ...faultIsolationChecks,
  ...technologyDiversityChecks,
  ...organizationalAlignmentChecks,
  ...observabilityChecks,
  ...networkLatencyChecks,
  ...securityChecks,
  ...dataConsistencyChecks,
];
