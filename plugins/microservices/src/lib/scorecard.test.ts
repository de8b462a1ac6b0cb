import type { CheckResult } from '@microservices-backstage/plugin-microservices-common';
import {
  countStatuses,
  describeCounts,
  groupChecksByPrinciple,
  isFailing,
} from './scorecard';

const check = (id: string, status: CheckResult['status']): CheckResult => ({
  id,
  principle: id.split('.')[0],
  status,
  message: '',
  remediation: '',
  weight: 1,
});

describe('scorecard', () => {
  it('groups checks by principle, principles with problems first, then in the document order', () => {
    const groups = groupChecksByPrinciple([
      check('security.api-authentication', 'pass'),
      check('devops.owned-by-team', 'pass'),
      check('devops.on-call', 'fail'),
      check('my-own.cost', 'warn'),
      check('decomposition.single-system', 'pass'),
    ]);
    expect(groups.map(g => g.principle)).toEqual([
      'devops',
      'my-own',
      'decomposition',
      'security',
    ]);
    expect(groups[0].checks.map(c => c.id)).toEqual([
      'devops.on-call',
      'devops.owned-by-team',
    ]);
    expect(groups[0].worst).toBe('fail');
    expect(groups[0].counts).toMatchObject({ fail: 1, pass: 1 });
  });

  it('counts and describes statuses', () => {
    const counts = countStatuses([
      check('a.b', 'fail'),
      check('a.c', 'fail'),
      check('a.d', 'warn'),
      check('a.e', 'pass'),
      check('a.f', 'not-applicable'),
    ]);
    expect(describeCounts(counts)).toBe(
      '2 failing, 1 warning, 1 passing, 1 not applicable',
    );
    expect(describeCounts(countStatuses([]))).toBe('no checks');
  });

  it('treats fail and error as failing', () => {
    expect(isFailing({ status: 'fail' })).toBe(true);
    expect(isFailing({ status: 'error' })).toBe(true);
    expect(isFailing({ status: 'warn' })).toBe(false);
    expect(isFailing({ status: 'exempt' })).toBe(false);
  });
});
