import type { CheckResult } from '@microservices-backstage/plugin-microservices-common';
import {
  countStatuses,
  describeCounts,
  groupChecksByPrinciple,
  describeNextLevel,
  missingRefsOf,
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

  it('puts failing, warning and exempt checks first and collapses the rest', () => {
    const [group] = groupChecksByPrinciple([
      check('a.pass', 'pass'),
      check('a.na', 'not-applicable'),
      check('a.exempt', 'exempt'),
      check('a.error', 'error'),
      check('a.warn', 'warn'),
    ]);
    expect(group.attention.map(c => c.id)).toEqual([
      'a.error',
      'a.warn',
      'a.exempt',
    ]);
    expect(group.settled.map(c => c.id)).toEqual(['a.pass', 'a.na']);
  });

  it('says what is missing for the next level', () => {
    const titles: Record<string, string> = {
      'devops.on-call': 'Has on-call',
      'fault-isolation.no-dependency-cycle': 'Not on a dependency cycle',
    };
    expect(
      describeNextLevel(
        {
          level: 'silver',
          minScore: 75,
          missingChecks: [
            'devops.on-call',
            'fault-isolation.no-dependency-cycle',
          ],
          scoreShortfall: 0,
        },
        id => titles[id] ?? id,
      ),
    ).toBe('2 checks to silver: Has on-call, Not on a dependency cycle');
    expect(
      describeNextLevel({
        level: 'gold',
        minScore: 90,
        missingChecks: ['devops.on-call'],
        scoreShortfall: 4,
      }),
    ).toBe(
      '1 check to gold: devops.on-call; and 4 points of score (gold needs 90)',
    );
    expect(
      describeNextLevel({
        level: 'gold',
        minScore: 90,
        missingChecks: [],
        scoreShortfall: 1,
      }),
    ).toBe('1 point of score to gold (it needs 90)');
    expect(describeNextLevel(undefined)).toBeUndefined();
  });

  it('collects the refs that name no entity, from the edges and the references check', () => {
    expect(
      missingRefsOf({
        upstream: [
          {
            entityRef: 'component:default/Legacy-CRM',
            via: 'dependsOn',
            kind: 'component',
            exists: false,
            datastore: false,
          },
          {
            entityRef: 'component:default/cart',
            via: 'dependsOn',
            kind: 'component',
            exists: true,
            datastore: false,
          },
        ],
        downstream: [],
        checks: [
          {
            ...check('decomposition.references-resolve', 'fail'),
            related: ['api:default/gone-api'],
          },
        ],
      }),
    ).toEqual(
      new Set(['component:default/legacy-crm', 'api:default/gone-api']),
    );
  });
});
