import { api, checkResult, resource, service } from '../__fixtures__/entities';

describe('network-latency.communicates-through-apis', () => {
  const id = 'network-latency.communicates-through-apis';

  it('passes for consumed APIs and dependencies on resources', () => {
    const entities = [
      resource('orders-db'),
      api('stock-api'),
      service('stock', { providesApis: ['stock-api'] }),
      service('orders', {
        dependsOn: ['resource:orders-db'],
        consumesApis: ['stock-api'],
      }),
    ];
    expect(checkResult(entities, 'orders', id)).toMatchObject({
      status: 'pass',
      weight: 2,
    });
  });

  it('fails for a dependsOn straight to another service, suggesting its API', () => {
    const entities = [
      api('stock-api'),
      service('stock', { providesApis: ['stock-api'] }),
      service('orders', { dependsOn: ['component:stock'] }),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'Depends directly on other services: `component:default/stock`.',
    );
    expect(result.remediation).toContain(
      'for `component:default/stock` consume `api:default/stock-api`',
    );
    expect(result.related).toEqual(['component:default/stock']);
  });
});

describe('network-latency.apis-defined', () => {
  const id = 'network-latency.apis-defined';

  it('is not applicable when it provides no API', () => {
    expect(checkResult([service('orders')], 'orders', id).status).toBe(
      'not-applicable',
    );
  });

  it('passes when every provided API has a definition, inline or by $text', () => {
    const entities = [
      api('inline-api'),
      api('remote-api', {
        definition: { $text: 'https://example.com/openapi.yaml' },
      }),
      service('orders', { providesApis: ['inline-api', 'remote-api'] }),
    ];
    expect(checkResult(entities, 'orders', id).status).toBe('pass');
  });

  it('fails for a missing API entity or an empty definition', () => {
    const entities = [
      api('empty-api', { definition: '  ' }),
      service('orders', { providesApis: ['empty-api', 'ghost-api'] }),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'Some provided APIs are not defined: no API entity exists for `api:default/ghost-api`; `api:default/empty-api` has an empty `spec.definition`.',
    );
  });
});
