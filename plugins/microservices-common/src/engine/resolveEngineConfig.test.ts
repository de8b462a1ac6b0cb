import { defaultEngineConfig } from './defaultEngineConfig';
import { EngineConfigError } from './EngineConfigError';
import { resolveEngineConfig } from './resolveEngineConfig';

function errorOf(raw: unknown, extraCheckIds?: string[]): EngineConfigError {
  try {
    resolveEngineConfig(raw, extraCheckIds);
  } catch (error) {
    expect(error).toBeInstanceOf(EngineConfigError);
    return error as EngineConfigError;
  }
  throw new Error('expected an EngineConfigError');
}

describe('resolveEngineConfig', () => {
  it('gives the defaults for missing or empty config, as copies', () => {
    expect(resolveEngineConfig(undefined)).toEqual(defaultEngineConfig);
    const resolved = resolveEngineConfig({});
    expect(resolved).toEqual(defaultEngineConfig);
    resolved.annotations.ci.push('x');
    expect(defaultEngineConfig.annotations.ci).not.toContain('x');
  });

  it('merges overrides over the defaults', () => {
    const config = resolveEngineConfig({
      checks: {
        'devops.on-call': { enabled: false },
        'decomposition.api-surface': { weight: 2.5 },
      },
      thresholds: { maxFanOut: 3 },
      levels: [
        { name: 'ok', minScore: 50 },
        { name: 'top', minScore: 95 },
      ],
      levelBelowAll: 'poor',
      annotations: { ci: ['acme.com/pipeline'] },
      datastoreTypes: ['database'],
      exemptions: [
        {
          entityRef: 'component:default/orders',
          check: 'devops.on-call',
          reason: 'new',
          expires: '2025-12-31',
        },
      ],
      schedule: { frequency: { minutes: 5 } },
      history: { maxAgeDays: 10 },
      catalog: { anything: true },
    });
    expect(config.checks).toEqual({
      'devops.on-call': { enabled: false },
      'decomposition.api-surface': { weight: 2.5 },
    });
    expect(config.thresholds).toEqual({
      maxProvidedApis: 5,
      maxFanOut: 3,
      maxBlastRadius: 10,
    });
    expect(config.levels).toEqual([
      { name: 'ok', minScore: 50, requiredChecks: [] },
      { name: 'top', minScore: 95, requiredChecks: [] },
    ]);
    expect(config.levelBelowAll).toBe('poor');
    expect(config.annotations.ci).toEqual(['acme.com/pipeline']);
    expect(config.annotations.onCall).toEqual(
      defaultEngineConfig.annotations.onCall,
    );
    expect(config.datastoreTypes).toEqual(['database']);
    expect(config.exemptions).toHaveLength(1);
  });

  it.each([
    [
      { thresholds: { maxFanOut: 'x' } },
      'Invalid config at microservices.thresholds.maxFanOut: expected a non-negative integer, got "x"',
    ],
    [
      { thresholds: { maxBlastRadius: -1 } },
      'Invalid config at microservices.thresholds.maxBlastRadius: expected a non-negative integer, got -1',
    ],
    [
      { thresholds: { maxFanout: 3 } },
      'Invalid config at microservices.thresholds.maxFanout: unknown key',
    ],
    [
      { checks: { 'devops.on-call': { weight: -2 } } },
      'Invalid config at microservices.checks.devops.on-call.weight: expected a non-negative number, got -2',
    ],
    [
      { checks: { 'devops.on-call': { enabled: 'no' } } },
      'Invalid config at microservices.checks.devops.on-call.enabled: expected true or false, got "no"',
    ],
    [
      { levels: [{ name: 'gold', minScore: 101 }] },
      'Invalid config at microservices.levels[0].minScore: expected a number from 0 to 100, got 101',
    ],
    [
      {
        levels: [
          { name: 'a', minScore: 1 },
          { name: 'a', minScore: 2 },
        ],
      },
      'Invalid config at microservices.levels: the level name "a" is used twice',
    ],
    [
      { levelBelowAll: '' },
      'Invalid config at microservices.levelBelowAll: expected a non-empty string, got ""',
    ],
    [
      { annotations: { ci: 'github.com/project-slug' } },
      'Invalid config at microservices.annotations.ci: expected a list of strings',
    ],
    [
      { annotations: { monitoring: ['ok', 3] } },
      'Invalid config at microservices.annotations.monitoring[1]: expected a non-empty string, got 3',
    ],
    [
      { annotations: { alerts: [] } },
      'Invalid config at microservices.annotations.alerts: unknown key',
    ],
    [
      { datastoreTypes: 'database' },
      'Invalid config at microservices.datastoreTypes: expected a list of strings, got "database"',
    ],
    [
      {
        exemptions: [
          {
            entityRef: 'orders',
            check: 'devops.on-call',
            reason: 'x',
            expires: '31/12/2025',
          },
        ],
      },
      'Invalid config at microservices.exemptions[0].expires: expected a date written YYYY-MM-DD, got "31/12/2025"',
    ],
    [
      {
        exemptions: [
          { entityRef: 'orders', check: 'devops.on-call', reason: '' },
        ],
      },
      'Invalid config at microservices.exemptions[0].reason: expected a non-empty string, got ""',
    ],
    [
      {
        exemptions: [
          { entityRef: 'orders', check: 'devops.on-cal', reason: 'x' },
        ],
      },
      'Invalid config at microservices.exemptions[0].check: unknown check id "devops.on-cal"',
    ],
    [
      { thresholds: [] },
      'Invalid config at microservices.thresholds: expected an object, got []',
    ],
    [{ scheduel: {} }, 'Invalid config at microservices.scheduel: unknown key'],
    ['yes', 'Invalid config at microservices: expected an object, got "yes"'],
  ])('rejects %j', (raw, message) => {
    expect(errorOf(raw).message).toContain(message);
  });

  it('rejects unknown check ids, naming the key', () => {
    const error = errorOf({ checks: { 'acme.custom': { weight: 1 } } });
    expect(error.message).toBe(
      'Invalid config at microservices.checks.acme.custom: unknown check id "acme.custom"',
    );
    expect(error.key).toBe('microservices.checks.acme.custom');
  });

  it("accepts custom checks' ids given as extraCheckIds", () => {
    const config = resolveEngineConfig(
      {
        checks: { 'acme.custom': { weight: 4 } },
        exemptions: [
          { entityRef: 'orders', check: 'acme.custom', reason: 'x' },
        ],
      },
      ['acme.custom'],
    );
    expect(config.checks['acme.custom']).toEqual({ weight: 4 });
  });

  it('reads required checks per level and refuses unknown check ids in them', () => {
    const config = resolveEngineConfig(
      {
        levels: [
          { name: 'base', minScore: 0, requiredChecks: ['devops.on-call', 'acme.custom'] },
          { name: 'top', minScore: 90, requiredChecks: ['*'] },
        ],
      },
      ['acme.custom'],
    );
    expect(config.levels.map(l => l.requiredChecks)).toEqual([
      ['devops.on-call', 'acme.custom'],
      ['*'],
    ]);
    expect(() =>
      resolveEngineConfig({
        levels: [{ name: 'base', minScore: 0, requiredChecks: ['devops.oncall'] }],
      }),
    ).toThrow(
      'Invalid config at microservices.levels[0].requiredChecks[0]: unknown check id "devops.oncall"',
    );
    expect(() =>
      resolveEngineConfig({
        levels: [{ name: 'base', minScore: 0, requiredChecks: 'devops.on-call' }],
      }),
    ).toThrow('microservices.levels[0].requiredChecks');
  });
});
