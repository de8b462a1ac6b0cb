import type { CheckDefinition } from '../types';
import { notApplicable } from './outcomes';

const manualReview: CheckDefinition = {
  id: 'data-consistency.manual-review',
  principle: 'data-consistency',
  title: 'Data consistency strategy (manual review)',
  description:
    'Always not-applicable: the catalog holds no signal of a consistency strategy; adopters add their own check.',
  defaultWeight: 0,
  evaluate() {
    return notApplicable(
      'The catalog holds no signal of a data consistency strategy (sagas, outbox, eventual consistency); review it manually or add a custom check.',
    );
  },
};

export const dataConsistencyChecks: CheckDefinition[] = [manualReview];
