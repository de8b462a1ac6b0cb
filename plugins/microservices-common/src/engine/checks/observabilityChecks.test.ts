import { checkResult, service } from '../__fixtures__/entities';

describe.each([
  ['observability.monitoring', 'grafana/dashboard-selector', 'monitoring'],
  ['observability.logging', 'grafana/loki-query', 'logging'],
  ['observability.tracing', 'grafana/tempo-service', 'tracing'],
])('%s', (id, annotation, subject) => {
  it(`passes with ${annotation}`, () => {
    const entity = service(
      'orders',
      {},
      { annotations: { [annotation]: 'orders' } },
    );
    expect(checkResult([entity], 'orders', id)).toMatchObject({
      status: 'pass',
      weight: 1,
    });
  });

  it('fails without', () => {
    const result = checkResult([service('orders')], 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(`Declares no ${subject}`);
  });
});
