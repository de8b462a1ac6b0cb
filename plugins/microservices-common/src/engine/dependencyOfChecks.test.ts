/*
 * Every dependency-based check counts `spec.dependencyOf` declared on the other side (on
 * Components and on Resources) exactly as it counts `spec.dependsOn` on the service itself:
 * Backstage derives the same relation from both.
 */
import {
  checkResult,
  compliantCatalog,
  compliantService,
  domain,
  group,
  resource,
  system,
} from './__fixtures__/entities';
import { evaluateCatalog } from './evaluateCatalog';
import { resolveEngineConfig } from './resolveEngineConfig';

describe('spec.dependencyOf in every dependency check', () => {
  it('decomposition.bounded-fan-out counts backends that declare dependencyOf the service', () => {
    const backends = ['a', 'b', 'c'].map(name =>
      compliantService(name, { dependencyOf: ['component:gateway'] }),
    );
    const entities = [...compliantCatalog(), compliantService('gateway'), ...backends];
    const config = resolveEngineConfig({ thresholds: { maxFanOut: 2 } });
    const [gateway] = evaluateCatalog(entities, config).services;
    const fanOut = gateway.checks.find(c => c.id === 'decomposition.bounded-fan-out')!;
    expect(fanOut.status).toBe('fail');
    expect(fanOut.message).toContain('3 distinct dependencies');
  });

  it('network-latency.communicates-through-apis sees a direct call declared on the callee', () => {
    const entities = [
      ...compliantCatalog(),
      compliantService('gateway'),
      compliantService('orders', { dependencyOf: ['component:gateway'] }),
    ];
    const result = checkResult(entities, 'gateway', 'network-latency.communicates-through-apis');
    expect(result.status).toBe('fail');
    expect(result.related).toEqual(['component:default/orders']);
  });

  it('fault-isolation.blast-radius counts dependents declared on the service itself', () => {
    const entities = [
      ...compliantCatalog(),
      compliantService('auth', {
        dependencyOf: ['component:a', 'component:b', 'component:c'],
      }),
      ...['a', 'b', 'c'].map(name => compliantService(name)),
    ];
    const config = resolveEngineConfig({ thresholds: { maxBlastRadius: 2 } });
    const auth = evaluateCatalog(entities, config).services.find(
      s => s.entityRef === 'component:default/auth',
    )!;
    const radius = auth.checks.find(c => c.id === 'fault-isolation.blast-radius')!;
    expect(radius.status).toBe('fail');
    expect(radius.message).toMatch(/^3 services depend on it/);
  });

  it('fault-isolation.no-dependency-cycle names the dependencyOf that closes the cycle', () => {
    // a depends on b; b depends on a, declared on a's side: a -> b -> a.
    const entities = [
      ...compliantCatalog(),
      compliantService('a', {
        dependsOn: ['component:b'],
        dependencyOf: ['component:b'],
      }),
      compliantService('b'),
    ];
    const result = checkResult(entities, 'b', 'fault-isolation.no-dependency-cycle');
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('`spec.dependencyOf: component:default/b` on `component:default/a`');
  });

  it('decentralized-data.owns-datastore and no-shared-datastore see a Resource declaring dependencyOf', () => {
    const entities = [
      ...compliantCatalog(),
      group('team-b', { parent: 'platform' }),
      system('billing', { owner: 'team-b' }),
      domain('finance'),
      compliantService('orders'),
      compliantService('reports', { owner: 'team-b', system: 'billing' }),
      resource('orders-db', {
        dependencyOf: ['component:orders', 'component:reports'],
      }),
    ];
    expect(
      checkResult(entities, 'reports', 'decentralized-data.owns-datastore').status,
    ).toBe('fail');
    const shared = checkResult(entities, 'orders', 'decentralized-data.no-shared-datastore');
    expect(shared.status).toBe('fail');
    expect(shared.related).toContain('component:default/reports');
  });

  it('decomposition.references-resolve reports a dependencyOf naming no entity', () => {
    const entities = [
      ...compliantCatalog(),
      compliantService('orders', { dependencyOf: ['component:ghost'] }),
    ];
    const result = checkResult(entities, 'orders', 'decomposition.references-resolve');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('spec.dependencyOf `component:ghost`');
  });
});
