import type { Entity } from '@backstage/catalog-model';
import { CatalogGraph } from './CatalogGraph';
import {
  createServiceEvaluator,
  EvaluationOptions,
} from './createServiceEvaluator';
import { defaultEngineConfig } from './defaultEngineConfig';
import type { CatalogEvaluation, EngineConfig } from './types';

/**
 * Scores every service (`Component` of `spec.type: service`) of a catalog
 * against every enabled check. Pure and total: malformed entities and
 * throwing checks never make it throw.
 */
export function evaluateCatalog(
  entities: readonly Entity[],
  config: EngineConfig = defaultEngineConfig,
  options: EvaluationOptions = {},
): CatalogEvaluation {
  const graph = new CatalogGraph(entities, {
    datastoreTypes: config.datastoreTypes,
  });
  const evaluate = createServiceEvaluator(graph, config, options);
  return {
    services: graph.services.map(evaluate),
    cycles: graph.cycles,
    sharedDatastores: graph.sharedDatastores,
    duplicateRefs: graph.duplicateRefs,
    graph,
  };
}
