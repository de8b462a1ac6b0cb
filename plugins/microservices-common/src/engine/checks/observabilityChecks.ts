import type { CheckDefinition } from '../types';
import { annotationCheck } from './annotationCheck';
import { healthEndpointCheck } from './healthEndpointCheck';

export const observabilityChecks: CheckDefinition[] = [
  annotationCheck({
    id: 'observability.monitoring',
    principle: 'observability',
    title: 'Monitoring declared',
    defaultWeight: 1,
    list: 'monitoring',
    subject: 'monitoring',
  }),
  annotationCheck({
    id: 'observability.logging',
    principle: 'observability',
    title: 'Logging declared',
    defaultWeight: 1,
    list: 'logging',
    subject: 'logging',
  }),
  annotationCheck({
    id: 'observability.tracing',
    principle: 'observability',
    title: 'Tracing declared',
    defaultWeight: 1,
    list: 'tracing',
    subject: 'tracing',
  }),
  healthEndpointCheck,
];
