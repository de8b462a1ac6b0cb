import type { Entity } from '@backstage/catalog-model';
import {
  CheckDefinition,
  CheckResult,
  defaultEngineConfig,
  EngineConfig,
  evaluateCatalog,
} from '@microservices-backstage/plugin-microservices-common';

/**
 * Runs an adopter's check the way the backend does (same engine, exemptions, error
 * handling) on a small set of entities, and returns its result for one service.
 *
 * @public
 */
export function evaluateCustomCheck(
  check: CheckDefinition,
  options: {
    entities: Entity[];
    /** e.g. `component:default/orders` */
    serviceRef: string;
    config?: EngineConfig;
    now?: Date;
  },
): CheckResult {
  const evaluation = evaluateCatalog(options.entities, options.config ?? defaultEngineConfig, {
    now: options.now,
    extraChecks: [check],
  });
  const wanted = options.serviceRef.toLocaleLowerCase('en-US');
  const service = evaluation.services.find(s => s.entityRef === wanted);
  if (!service) {
    throw new Error(
      `${options.serviceRef} is not a service among the given entities (a Component with spec.type service)`,
    );
  }
  const result = service.checks.find(c => c.id === check.id);
  if (!result) throw new Error(`Check ${check.id} did not run; is it disabled in the config?`);
  return result;
}
