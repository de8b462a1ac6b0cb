import {
  api,
  checkResult,
  compliantCatalog,
  compliantService,
  resource,
  service,
} from '../__fixtures__/entities';

const id = 'data-consistency.strategy-declared';
const ANNOTATION = 'microservices.backstage.io/consistency';

describe('data-consistency.strategy-declared', () => {
  it('is not applicable for a service with no event API and no shared datastore', () => {
    const result = checkResult(
      [...compliantCatalog(), compliantService('orders')],
      'orders',
      id,
    );
    expect(result.status).toBe('not-applicable');
    expect(result.message).toContain('no event API');
  });

  it('fails for a service providing an asyncapi API without a strategy, and passes with one', () => {
    const events = api('order-events', { type: 'asyncapi' });
    const without = checkResult(
      [...compliantCatalog(), events, service('orders', { providesApis: ['order-events'] })],
      'orders',
      id,
    );
    expect(without.status).toBe('fail');
    expect(without.message).toContain('`api:default/order-events`');
    expect(without.remediation).toContain(ANNOTATION);

    const withStrategy = checkResult(
      [
        ...compliantCatalog(),
        events,
        service(
          'orders',
          { providesApis: ['order-events'] },
          { annotations: { [ANNOTATION]: 'Outbox' } },
        ),
      ],
      'orders',
      id,
    );
    expect(withStrategy.status).toBe('pass');
    expect(withStrategy.message).toContain('`outbox`');
  });

  it('fails for a consumer of an event API with an unknown strategy', () => {
    const result = checkResult(
      [
        ...compliantCatalog(),
        api('order-events', { type: 'asyncapi' }),
        service(
          'billing',
          { consumesApis: ['order-events'] },
          { annotations: { [ANNOTATION]: 'hope' } },
        ),
      ],
      'billing',
      id,
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('is not one of saga, outbox, eventual, transactional');
  });

  it('applies to services sharing a write path (a datastore), including through dependencyOf', () => {
    const entities = [
      ...compliantCatalog(),
      resource('orders-db', { dependencyOf: ['component:orders', 'component:reports'] }),
      service('orders'),
      service('reports', {}, { annotations: { [ANNOTATION]: 'eventual' } }),
    ];
    const orders = checkResult(entities, 'orders', id);
    expect(orders.status).toBe('fail');
    expect(orders.message).toContain('shares the datastore `resource:default/orders-db`');
    expect(checkResult(entities, 'reports', id).status).toBe('pass');
  });
});
