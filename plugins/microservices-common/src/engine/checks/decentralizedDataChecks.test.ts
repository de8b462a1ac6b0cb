import { evaluateCatalog } from '../evaluateCatalog';
import { resolveEngineConfig } from '../resolveEngineConfig';
import {
  checkResult,
  compliantCatalog,
  group,
  resource,
  service,
  system,
} from '../__fixtures__/entities';

describe('decentralized-data.owns-datastore', () => {
  const id = 'decentralized-data.owns-datastore';

  it('is not applicable without datastores, and ignores resources of other types', () => {
    const entities = [
      resource('events', { type: 'message-broker' }),
      service('orders', { dependsOn: ['resource:events'] }),
    ];
    expect(checkResult(entities, 'orders', id).status).toBe('not-applicable');
  });

  it('counts the configured datastore types', () => {
    const config = resolveEngineConfig({ datastoreTypes: ['Message-Broker'] });
    const entities = [
      resource('events', { type: 'message-broker', owner: 'team-b' }),
      service('orders', { dependsOn: ['resource:events'] }),
    ];
    expect(checkResult(entities, 'orders', id, config).status).toBe('fail');
  });

  it('passes when the service owns its datastores', () => {
    const entities = [
      ...compliantCatalog(),
      resource('orders-db'),
      service('orders', { dependsOn: ['resource:orders-db'] }),
    ];
    expect(checkResult(entities, 'orders', id)).toMatchObject({
      status: 'pass',
      related: ['resource:default/orders-db'],
    });
  });

  it('fails for a datastore owned by another team', () => {
    const entities = [
      ...compliantCatalog(),
      group('team-b'),
      resource('orders-db', { owner: 'team-b' }),
      service('orders', { dependsOn: ['resource:orders-db'] }),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      '`resource:default/orders-db` (owner `group:default/team-b`)',
    );
    expect(result.remediation).toContain(
      'Set `spec.owner: group:default/team-a`',
    );
  });
});

describe('decentralized-data.no-shared-datastore', () => {
  const id = 'decentralized-data.no-shared-datastore';

  it('passes when the services sharing a datastore have the same owner and system', () => {
    const entities = [
      resource('orders-db'),
      service('orders', { dependsOn: ['resource:orders-db'] }),
      service('order-history', { dependsOn: ['resource:orders-db'] }),
    ];
    expect(checkResult(entities, 'orders', id).status).toBe('pass');
    expect(evaluateCatalog(entities).sharedDatastores).toEqual([
      {
        datastoreRef: 'resource:default/orders-db',
        services: [
          'component:default/order-history',
          'component:default/orders',
        ],
        owners: ['group:default/team-a'],
        systems: ['system:default/shop'],
        conflicting: false,
      },
    ]);
  });

  it('fails for every service sharing a datastore with another owner', () => {
    const entities = [
      resource('orders-db'),
      service('orders', { dependsOn: ['resource:orders-db'] }),
      service('reports', {
        owner: 'team-b',
        dependsOn: ['resource:orders-db'],
      }),
    ];
    const orders = checkResult(entities, 'orders', id);
    expect(orders.status).toBe('fail');
    expect(orders.message).toContain(
      '`resource:default/orders-db` is also used by `component:default/reports` (owner `group:default/team-b`, system `system:default/shop`)',
    );
    expect(orders.related).toEqual([
      'resource:default/orders-db',
      'component:default/reports',
    ]);
    expect(checkResult(entities, 'reports', id).related).toEqual([
      'resource:default/orders-db',
      'component:default/orders',
    ]);
    expect(evaluateCatalog(entities).sharedDatastores[0]).toMatchObject({
      owners: ['group:default/team-a', 'group:default/team-b'],
      conflicting: true,
    });
  });

  it('fails for a datastore shared with another system of the same owner', () => {
    const entities = [
      system('warehouse'),
      resource('orders-db'),
      service('orders', { dependsOn: ['resource:orders-db'] }),
      service('picking', {
        system: 'warehouse',
        dependsOn: ['resource:orders-db'],
      }),
    ];
    expect(checkResult(entities, 'orders', id).status).toBe('fail');
  });
});
