import { defaultEngineConfig } from './defaultEngineConfig';
import { levelFor } from './levelFor';
import type { CheckResult, CheckStatus } from './types';

const check = (id: string, status: CheckStatus, weight = 1): CheckResult => ({
  id,
  principle: id.split('.')[0],
  status,
  message: '',
  remediation: '',
  weight,
});

/** Every check of the default rubric passing, plus two other weighted ones and an informational one. */
function allPassing(): CheckResult[] {
  return [
    check('devops.owned-by-team', 'pass', 3),
    check('decomposition.single-system', 'pass', 3),
    check('continuous-delivery.ci-cd', 'pass', 3),
    check('decentralized-data.no-shared-datastore', 'pass', 3),
    check('fault-isolation.no-dependency-cycle', 'pass', 3),
    check('continuous-delivery.source-repository', 'pass', 2),
    check('devops.on-call', 'pass', 2),
    check('observability.tracing', 'pass', 1),
    check('infrastructure-as-code.declared', 'pass', 2),
    check('technology-diversity.stack-declared', 'warn', 0),
  ];
}

function withStatus(id: string, status: CheckStatus): CheckResult[] {
  return allPassing().map(c => (c.id === id ? { ...c, status } : c));
}

describe('levelFor (levels earned by required checks)', () => {
  it('gives gold when every weighted check passes, ignoring informational ones', () => {
    expect(levelFor(100, allPassing(), defaultEngineConfig)).toEqual({
      level: 'gold',
    });
  });

  it('never gives gold to a service on a dependency cycle, whatever its score', () => {
    const result = levelFor(
      96,
      withStatus('fault-isolation.no-dependency-cycle', 'fail'),
      defaultEngineConfig,
    );
    expect(result.level).toBe('bronze');
    expect(result.nextLevel).toEqual({
      level: 'silver',
      minScore: 70,
      missingChecks: ['fault-isolation.no-dependency-cycle'],
      scoreShortfall: 0,
    });
  });

  it('gives none without CI/CD, however high the score', () => {
    const result = levelFor(
      95,
      withStatus('continuous-delivery.ci-cd', 'fail'),
      defaultEngineConfig,
    );
    expect(result.level).toBe('none');
    expect(result.nextLevel?.level).toBe('bronze');
    expect(result.nextLevel?.missingChecks).toEqual(['continuous-delivery.ci-cd']);
  });

  it('stops at silver when another weighted check fails, and names it for gold', () => {
    const result = levelFor(
      93,
      withStatus('observability.tracing', 'fail'),
      defaultEngineConfig,
    );
    expect(result.level).toBe('silver');
    expect(result.nextLevel).toMatchObject({
      level: 'gold',
      missingChecks: ['observability.tracing'],
    });
  });

  it('counts exempt and not-applicable required checks as met, warn and error as not', () => {
    expect(
      levelFor(100, withStatus('devops.on-call', 'exempt'), defaultEngineConfig)
        .level,
    ).toBe('gold');
    expect(
      levelFor(
        100,
        withStatus('decentralized-data.no-shared-datastore', 'not-applicable'),
        defaultEngineConfig,
      ).level,
    ).toBe('gold');
    expect(
      levelFor(90, withStatus('devops.on-call', 'warn'), defaultEngineConfig)
        .level,
    ).toBe('bronze');
    expect(
      levelFor(90, withStatus('devops.on-call', 'error'), defaultEngineConfig)
        .level,
    ).toBe('bronze');
  });

  it('also needs the minimum score, and says how far short it is', () => {
    const result = levelFor(85, allPassing(), defaultEngineConfig);
    expect(result.level).toBe('silver');
    expect(result.nextLevel).toEqual({
      level: 'gold',
      minScore: 90,
      missingChecks: [],
      scoreShortfall: 5,
    });
  });

  it('lists what is missing for the next level including the levels below it', () => {
    const checks = allPassing().map(c =>
      c.id === 'continuous-delivery.ci-cd' || c.id === 'devops.on-call'
        ? { ...c, status: 'fail' as const }
        : c,
    );
    const result = levelFor(70, checks, defaultEngineConfig);
    expect(result.level).toBe('none');
    expect(result.nextLevel?.missingChecks).toEqual(['continuous-delivery.ci-cd']);
  });

  it('ignores required checks that are disabled (not in the results)', () => {
    const checks = allPassing().filter(c => c.id !== 'devops.on-call');
    expect(levelFor(100, checks, defaultEngineConfig).level).toBe('gold');
  });

  it('does not depend on the order of the levels in config', () => {
    const config = {
      levels: [
        { name: 'high', minScore: 80, requiredChecks: ['a.x'] },
        { name: 'low', minScore: 10, requiredChecks: [] },
      ],
      levelBelowAll: '-',
    };
    expect(levelFor(85, [check('a.x', 'pass')], config).level).toBe('high');
    expect(levelFor(85, [check('a.x', 'fail')], config).level).toBe('low');
    expect(levelFor(5, [check('a.x', 'pass')], config).level).toBe('-');
  });
});
