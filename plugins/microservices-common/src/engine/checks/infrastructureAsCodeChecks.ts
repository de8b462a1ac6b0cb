import type { CheckDefinition } from '../types';
import { annotationCheck } from './annotationCheck';

export const infrastructureAsCodeChecks: CheckDefinition[] = [
  annotationCheck({
    id: 'infrastructure-as-code.declared',
    principle: 'infrastructure-as-code',
    title: 'Infrastructure declared as code',
    defaultWeight: 2,
    list: 'iac',
    subject: 'infrastructure as code',
  }),
];
