import type { Entity } from '@backstage/catalog-model';
import type { CatalogGraph } from './CatalogGraph';
import { utcDay } from './dates';
import { isObject } from './graph/entityFields';
import { levelFor } from './levelFor';
import { misspeltSpecKeys } from './misspeltSpecKeys';
import { ResolvedCheck, resolveChecks } from './listConfiguredChecks';
import { scoreChecks } from './scoreChecks';
import type {
  CheckDefinition,
  CheckOutcome,
  CheckResult,
  EngineConfig,
  EvaluationContext,
  ServiceEvaluation,
} from './types';
import { Waivers } from './Waivers';

/** @public */
export interface EvaluationOptions {
  /** The evaluation's instant, for waiver expiry; defaults to the current time. */
  now?: Date;
  /** Adopters' checks, run after the built-in ones. */
  extraChecks?: readonly CheckDefinition[];
}

const OUTCOME_STATUSES = new Set(['pass', 'fail', 'warn', 'not-applicable']);

function isOutcome(value: unknown): value is CheckOutcome {
  return (
    isObject(value) &&
    OUTCOME_STATUSES.has(value.status as string) &&
    typeof value.message === 'string'
  );
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** Runs one check; a check that throws or returns garbage gives `error`, never an exception. */
function runCheck(
  { definition, weight }: ResolvedCheck,
  service: Entity,
  context: EvaluationContext,
): CheckResult {
  const { id, principle } = definition;
  let outcome: unknown;
  try {
    outcome = definition.evaluate(service, context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { id, principle, status: 'error', message, remediation: '', weight };
  }
  if (!isOutcome(outcome)) {
    const message = 'The check returned no valid outcome.';
    return { id, principle, status: 'error', message, remediation: '', weight };
  }
  const { status, message, remediation, related } = outcome;
  const result: CheckResult = {
    id,
    principle,
    status,
    message,
    remediation: typeof remediation === 'string' ? remediation : '',
    weight,
  };
  // Typed as strings, but adopters' checks are plain JavaScript too.
  const relatedValues: unknown = related;
  if (Array.isArray(relatedValues) && relatedValues.length > 0) {
    // Built-in checks return fresh arrays of strings: kept as they are, not copied.
    result.related = relatedValues.every(isString)
      ? relatedValues
      : relatedValues.map(String);
  }
  return result;
}

/**
 * Prepares the evaluation of services against one graph: the enabled checks
 * with their weights, the waivers, and the context the checks get. The
 * returned function scores one service of the graph.
 *
 * @public
 */
export function createServiceEvaluator(
  graph: CatalogGraph,
  config: EngineConfig,
  options: EvaluationOptions = {},
): (service: Entity) => ServiceEvaluation {
  const checks = resolveChecks(config, options.extraChecks).filter(
    check => check.enabled,
  );
  const context: EvaluationContext = {
    graph,
    config,
    now: options.now ?? new Date(),
  };
  const waivers = new Waivers(config.exemptions, utcDay(context.now));

  return service => {
    const entityRef = graph.refOf(service);
    const waiverFor = waivers.forService(service, entityRef);
    const results = checks.map(check => {
      const result = runCheck(check, service, context);
      const { waiver, notes } = waiverFor(result.id);
      if (waiver && (result.status === 'fail' || result.status === 'warn')) {
        return { ...result, status: 'exempt' as const, exemption: waiver };
      }
      if (notes.length > 0) {
        result.message = `${result.message} (${notes.join('; ')})`;
      }
      return result;
    });
    const score = scoreChecks(results);
    const { level, nextLevel } = levelFor(score, results, config);
    const evaluation: ServiceEvaluation = {
      entityRef,
      score,
      level,
      checks: results,
      warnings: misspeltSpecKeys(service),
    };
    if (nextLevel) evaluation.nextLevel = nextLevel;
    return evaluation;
  };
}
