export * from './types';
export { defaultEngineConfig } from './defaultEngineConfig';
export { resolveEngineConfig } from './resolveEngineConfig';
export { EngineConfigError } from './EngineConfigError';
export {
  CatalogGraph,
  DEPLOYMENT_ID_ANNOTATIONS,
  type CatalogGraphOptions,
  type DependencyEdge,
  type EntityNode,
  type RefValue,
  type SharedDeploymentId,
} from './CatalogGraph';
export {
  normalizeEntityRef,
  parseRef,
  type RefDefaults,
} from './graph/entityRefs';
export { builtInChecks } from './checks/builtInChecks';
export { evaluateCatalog, prepareCatalogEvaluation } from './evaluateCatalog';
export {
  createServiceEvaluator,
  type EvaluationOptions,
} from './createServiceEvaluator';
export { listConfiguredChecks } from './listConfiguredChecks';
export { scoreChecks } from './scoreChecks';
export { toCheckResultJson } from './toCheckResultJson';
export { levelFor, EVERY_WEIGHTED_CHECK, type LevelResult } from './levelFor';
export { misspeltSpecKeys, nearestSpecKey } from './misspeltSpecKeys';
export {
  CONSISTENCY_ANNOTATION,
  CONSISTENCY_STRATEGIES,
} from './checks/dataConsistencyChecks';
export { EXEMPTION_ANNOTATION_PREFIX } from './Waivers';
