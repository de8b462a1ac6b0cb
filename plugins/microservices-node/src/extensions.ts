import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { CheckDefinition } from '@microservices-backstage/plugin-microservices-common';

/**
 * Adds compliance checks to the microservices backend plugin. Custom checks return the same
 * result shape as the built-in ones and may use the documented principle ids or new ones;
 * a check that throws is reported as an `error` result for that check and the run goes on.
 *
 * @public
 */
export interface MicroservicesChecksExtensionPoint {
  addChecks(...checks: CheckDefinition[]): void;
}

/** @public */
export const microservicesChecksExtensionPoint =
  createExtensionPoint<MicroservicesChecksExtensionPoint>({
    id: 'microservices.checks',
  });
