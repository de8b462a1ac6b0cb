import { api, checkResult, service } from '../__fixtures__/entities';

const id = 'security.api-authentication';
const providing = (...apis: ReturnType<typeof api>[]) => [
  ...apis,
  service('orders', { providesApis: apis.map(a => a.metadata.name) }),
];

describe('security.api-authentication', () => {
  it('is not applicable when it provides no API', () => {
    expect(checkResult([service('orders')], 'orders', id).status).toBe(
      'not-applicable',
    );
  });

  it('passes for OpenAPI 3 securitySchemes, Swagger 2 securityDefinitions and AsyncAPI securitySchemes', () => {
    const swagger = JSON.stringify({
      swagger: '2.0',
      securityDefinitions: { key: { type: 'apiKey' } },
    });
    const asyncapi =
      'asyncapi: 2.6.0\ncomponents:\n  securitySchemes:\n    user: { type: userPassword }\n';
    const entities = providing(
      api('openapi-3'),
      api('swagger-2', { definition: swagger }),
      api('events', { type: 'asyncapi', definition: asyncapi }),
    );
    const result = checkResult(entities, 'orders', id);
    expect(result).toMatchObject({ status: 'pass', weight: 2 });
    expect(result.message).toContain(
      '`api:default/openapi-3` declares the security schemes oauth',
    );
  });

  it('fails for an OpenAPI definition without security schemes', () => {
    const entities = providing(
      api('open', { definition: 'openapi: 3.0.0\npaths: {}\n' }),
    );
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      '`api:default/open` declares no `components.securitySchemes`',
    );
    expect(result.remediation).toContain('`components.securitySchemes`');
  });

  it('warns for API types it cannot check, placeholders and unparseable definitions', () => {
    for (const unchecked of [
      api('graph', { type: 'graphql', definition: 'type Query { a: Int }' }),
      api('remote', {
        definition: { $text: 'https://example.com/openapi.yaml' },
      }),
      api('broken', { definition: 'openapi: [' }),
    ]) {
      expect(checkResult(providing(unchecked), 'orders', id).status).toBe(
        'warn',
      );
    }
  });

  it('fails when one API fails and another cannot be checked', () => {
    const entities = providing(
      api('open', { definition: '{"openapi": "3.0.0"}' }),
      api('graph', { type: 'graphql', definition: 'type Query { a: Int }' }),
    );
    expect(checkResult(entities, 'orders', id).status).toBe('fail');
  });
});
