/**
 * Extension points of the microservices backend plugin.
 *
 * @packageDocumentation
 */
export * from './extensions';
export type {
  CheckDefinition,
  CheckOutcome,
  EvaluationContext,
} from '@microservices-backstage/plugin-microservices-common';
