/**
 * Extension points of the microservices backend plugin.
 *
 * @packageDocumentation
 */
export * from './extensions';
export * from './healthSources';
export type {
  CheckDefinition,
  CheckOutcome,
  EvaluationContext,
  HealthStatus,
  ServiceHealth,
} from '@microservices-backstage/plugin-microservices-common';
