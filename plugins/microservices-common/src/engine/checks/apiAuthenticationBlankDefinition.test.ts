/*
 * docs/checks.md: only API types other than OpenAPI/AsyncAPI warn as "not
 * checkable". An OpenAPI/AsyncAPI API whose definition is missing, empty or
 * whitespace-only declares no authentication, so it fails (the catalog
 * rejects `definition: ''`, hence the demo's `campaign-api` has `' '`).
 */
import { api, checkResult, service } from '../__fixtures__/entities';

const id = 'security.api-authentication';
const providing = (...apis: ReturnType<typeof api>[]) => [
  ...apis,
  service('orders', { providesApis: apis.map(a => a.metadata.name) }),
];

describe('security.api-authentication without a definition', () => {
  it.each([
    ['a whitespace-only OpenAPI definition', { definition: ' ' }],
    ['an empty OpenAPI definition', { definition: '' }],
    ['a missing OpenAPI definition', { definition: undefined }],
    ['a blank AsyncAPI definition', { type: 'asyncapi', definition: '\n\t' }],
  ])('fails for %s', (_, spec) => {
    const result = checkResult(providing(api('blank', spec)), 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('`api:default/blank` has no definition');
    expect(result.remediation).toContain('`components.securitySchemes`');
  });

  it('still warns for a blank definition of a type it cannot check', () => {
    const entities = providing(api('rpc', { type: 'grpc', definition: ' ' }));
    expect(checkResult(entities, 'orders', id).status).toBe('warn');
  });
});
