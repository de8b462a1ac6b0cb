import { resolveEngineConfig } from '../resolveEngineConfig';
import { api, checkResult, entity, service } from '../__fixtures__/entities';

describe('fault-isolation.no-dependency-cycle', () => {
  const id = 'fault-isolation.no-dependency-cycle';

  it('fails for a cycle through dependsOn, naming the other members and the closing entry', () => {
    const entities = [
      service('a', { dependsOn: ['component:b'] }),
      service('b', { dependsOn: ['component:c'] }),
      service('c', { dependsOn: ['component:a'] }),
    ];
    const result = checkResult(entities, 'a', id);
    expect(result).toMatchObject({ status: 'fail', weight: 3 });
    expect(result.message).toBe(
      'Is on a dependency cycle with 2 other entities: `component:default/b` and `component:default/c`.',
    );
    expect(result.remediation).toContain('`spec.dependsOn: component:b`');
    expect(result.related).toEqual([
      'component:default/b',
      'component:default/c',
    ]);
  });

  it('fails for a cycle through consumed APIs', () => {
    const entities = [
      service('orders', {
        providesApis: ['orders-api'],
        consumesApis: ['stock-api'],
      }),
      service('stock', {
        providesApis: ['stock-api'],
        consumesApis: ['orders-api'],
      }),
      api('orders-api'),
      api('stock-api'),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain(
      '`spec.consumesApis: stock-api` (provided by `component:default/stock`)',
    );
  });

  it('finds cycles through non-service components', () => {
    const entities = [
      service('orders', { dependsOn: ['component:shared-lib'] }),
      entity('Component', 'shared-lib', {
        type: 'library',
        dependsOn: ['component:orders'],
      }),
    ];
    expect(checkResult(entities, 'orders', id).related).toEqual([
      'component:default/shared-lib',
    ]);
  });

  it('passes for a diamond, and for consuming its own API', () => {
    const entities = [
      service('top', { dependsOn: ['component:left', 'component:right'] }),
      service('left', { dependsOn: ['component:bottom'] }),
      service('right', { dependsOn: ['component:bottom'] }),
      service('bottom', {
        providesApis: ['bottom-api'],
        consumesApis: ['bottom-api'],
      }),
      api('bottom-api'),
    ];
    for (const name of ['top', 'left', 'right', 'bottom']) {
      expect(checkResult(entities, name, id).status).toBe('pass');
    }
  });

  it('fails for a service whose dependsOn names itself', () => {
    const result = checkResult(
      [service('loop', { dependsOn: ['component:Loop'] })],
      'loop',
      id,
    );
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'Depends on itself: its `spec.dependsOn` or `spec.dependencyOf` names itself.',
    );
    expect(result.remediation).toContain('`spec.dependsOn: component:Loop`');
  });
});

describe('fault-isolation.blast-radius', () => {
  const id = 'fault-isolation.blast-radius';
  const fan = (count: number) => [
    service('core'),
    ...Array.from({ length: count }, (_, i) =>
      service(`client-${i}`, { dependsOn: ['component:core'] }),
    ),
  ];

  it('passes with at most maxBlastRadius transitive dependents', () => {
    const result = checkResult(fan(10), 'core', id);
    expect(result).toMatchObject({ status: 'pass', weight: 1 });
    expect(result.message).toBe(
      '10 services depend on it, directly or transitively (at most 10 allowed).',
    );
  });

  it('fails with more, listing direct dependents', () => {
    const result = checkResult(fan(11), 'core', id);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(
      /^11 services depend on it.*`component:default\/client-0`/,
    );
    expect(result.related).toHaveLength(11);
  });

  it('counts transitive dependents once, with the configured threshold', () => {
    const config = resolveEngineConfig({ thresholds: { maxBlastRadius: 2 } });
    const entities = [
      service('top', { dependsOn: ['component:left', 'component:right'] }),
      service('left', { dependsOn: ['component:bottom'] }),
      service('right', { dependsOn: ['component:bottom'] }),
      service('bottom'),
    ];
    expect(checkResult(entities, 'bottom', id, config).message).toMatch(
      /^3 services depend on it/,
    );
    expect(checkResult(entities, 'left', id, config).status).toBe('pass');
  });
});
