import { resolveEngineConfig } from '../resolveEngineConfig';
import {
  api,
  checkResult,
  compliantCatalog,
  compliantService,
  domain,
  resource,
  service,
} from '../__fixtures__/entities';

describe('decomposition.single-system', () => {
  const id = 'decomposition.single-system';

  it('passes when spec.system names an existing System', () => {
    const result = checkResult(
      [...compliantCatalog(), service('orders')],
      'orders',
      id,
    );
    expect(result).toMatchObject({
      status: 'pass',
      weight: 3,
      related: ['system:default/shop'],
    });
  });

  it('fails without spec.system and says what to add', () => {
    const result = checkResult(
      [...compliantCatalog(), service('orders', { system: undefined })],
      'orders',
      id,
    );
    expect(result.status).toBe('fail');
    expect(result.message).toBe('Has no `spec.system`.');
    expect(result.remediation).toContain('Add `spec.system: <system-name>`');
  });

  it('fails when the system is not in the catalog', () => {
    const result = checkResult(
      [...compliantCatalog(), service('orders', { system: 'billing' })],
      'orders',
      id,
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      '`system:default/billing`, which is not in the catalog',
    );
    expect(result.related).toEqual(['system:default/billing']);
  });

  it('fails when spec.system names another kind or lists several systems', () => {
    const entities = [
      ...compliantCatalog(),
      domain('payments'),
      service('orders', { system: 'domain:payments' }),
      service('carts', { system: ['shop', 'billing'] }),
    ];
    expect(checkResult(entities, 'orders', id).message).toContain(
      'a Domain, not a System',
    );
    expect(checkResult(entities, 'carts', id)).toMatchObject({
      status: 'fail',
      message: '`spec.system` is not a single System ref: ["shop","billing"].',
    });
  });
});

describe('decomposition.api-surface', () => {
  const id = 'decomposition.api-surface';
  const apis = (count: number) =>
    Array.from({ length: count }, (_, i) => `api-${i}`);

  it('passes with at most maxProvidedApis APIs', () => {
    const result = checkResult(
      [service('orders', { providesApis: apis(5) })],
      'orders',
      id,
    );
    expect(result).toMatchObject({
      status: 'pass',
      message: 'Provides 5 APIs (at most 5 allowed).',
    });
  });

  it('fails with more, naming them', () => {
    const result = checkResult(
      [service('orders', { providesApis: apis(6) })],
      'orders',
      id,
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'Provides 6 APIs, more than the 5 allowed',
    );
    expect(result.message).toContain('`api:default/api-5`');
    expect(result.related).toHaveLength(6);
  });

  it('uses the configured threshold', () => {
    const config = resolveEngineConfig({ thresholds: { maxProvidedApis: 1 } });
    const result = checkResult(
      [service('orders', { providesApis: apis(2) })],
      'orders',
      id,
      config,
    );
    expect(result.status).toBe('fail');
  });
});

describe('decomposition.bounded-fan-out', () => {
  const id = 'decomposition.bounded-fan-out';
  const targets = (count: number) =>
    Array.from({ length: count }, (_, i) => `component:dep-${i}`);

  it('passes with at most maxFanOut distinct dependencies', () => {
    const result = checkResult(
      [service('orders', { dependsOn: targets(8) })],
      'orders',
      id,
    );
    expect(result).toMatchObject({
      status: 'pass',
      message: 'Has 8 dependencies (at most 8 allowed).',
    });
  });

  it('fails with more, counting dependsOn targets and providers of consumed APIs once each', () => {
    const entities = [
      service('orders', {
        dependsOn: [...targets(8), 'component:stock'],
        consumesApis: ['stock-api', 'prices-api'],
      }),
      service('stock', { providesApis: ['stock-api'] }),
      service('prices', { providesApis: ['prices-api'] }),
      api('stock-api'),
      api('prices-api'),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'Has 10 distinct dependencies, more than the 8 allowed',
    );
    expect(result.related).toEqual(
      expect.arrayContaining([
        'component:default/stock',
        'component:default/prices',
      ]),
    );
  });
});

describe('decomposition.references-resolve', () => {
  const id = 'decomposition.references-resolve';

  it('passes when every ref names an entity', () => {
    const entities = [
      ...compliantCatalog(),
      resource('orders-db'),
      api('orders-api'),
      service('orders', {
        dependsOn: ['resource:orders-db'],
        providesApis: ['orders-api'],
      }),
    ];
    expect(checkResult(entities, 'orders', id).status).toBe('pass');
  });

  it('lists every dangling or invalid dependency ref, leaving owner and provided APIs to their own checks', () => {
    const entities = [
      ...compliantCatalog(),
      service('orders', {
        owner: 'ops@example.com',
        dependsOn: ['resource:postgresql', 'stock'],
        consumesApis: ['payments-api'],
        providesApis: ['orders-api'],
      }),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(
      /^3 references name no entity in the catalog/,
    );
    expect(result.message).not.toContain('spec.owner');
    expect(result.message).not.toContain('spec.providesApis');
    expect(result.message).toContain(
      'spec.dependsOn `resource:postgresql` (`resource:default/postgresql`)',
    );
    expect(result.message).toContain(
      'spec.dependsOn `stock` (not a valid ref; write the kind',
    );
    expect(result.related).toEqual([
      'resource:default/postgresql',
      'stock',
      'api:default/payments-api',
    ]);
  });

  it('keeps its weight of 1', () => {
    expect(checkResult([compliantService('orders')], 'orders', id).weight).toBe(
      1,
    );
  });
});
