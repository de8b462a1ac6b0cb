import type { Entity } from '@backstage/catalog-model';
import { CatalogGraph } from './CatalogGraph';
import {
  createServiceEvaluator,
  EvaluationOptions,
} from './createServiceEvaluator';
import { defaultEngineConfig } from './defaultEngineConfig';
import type { CatalogEvaluation, EngineConfig } from './types';

/**
 * The graph of a catalog and the function that scores one of its services: the steps of
 * evaluateCatalog, for callers that evaluate services a chunk at a time (the backend keeps
 * its event loop free between chunks).
 *
 * @public
 */
export function prepareCatalogEvaluation(
  entities: readonly Entity[],
  config: EngineConfig = defaultEngineConfig,
  options: EvaluationOptions = {},
) {
  const graph = new CatalogGraph(entities, {
    datastoreTypes: config.datastoreTypes,
  });
  return { graph, evaluate: createServiceEvaluator(graph, config, options) };
}

/**
 * Scores every service (`Component` of `spec.type: service`) of a catalog
 * against every enabled check. Pure and total: malformed entities and
 * throwing checks never make it throw.
 *
 * @public
 */
export function evaluateCatalog(
  entities: readonly Entity[],
  config: EngineConfig = defaultEngineConfig,
  options: EvaluationOptions = {},
): CatalogEvaluation {
  const { graph, evaluate } = prepareCatalogEvaluation(
    entities,
    config,
    options,
  );
  return {
    services: graph.services.map(evaluate),
    cycles: graph.cycles,
    sharedDatastores: graph.sharedDatastores,
    duplicateRefs: graph.duplicateRefs,
    graph,
  };
}
