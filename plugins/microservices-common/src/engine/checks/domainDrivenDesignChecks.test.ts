import {
  api,
  checkResult,
  compliantCatalog,
  domain,
  service,
  system,
} from '../__fixtures__/entities';

describe('domain-driven-design.system-in-domain', () => {
  const id = 'domain-driven-design.system-in-domain';

  it('passes when its system is in an existing domain', () => {
    const result = checkResult(
      [...compliantCatalog(), service('orders')],
      'orders',
      id,
    );
    expect(result).toMatchObject({
      status: 'pass',
      related: ['system:default/shop', 'domain:default/commerce'],
    });
  });

  it('is not applicable without a resolvable system', () => {
    const entities = [
      service('orders', { system: 'nowhere' }),
      service('carts', { system: undefined }),
    ];
    expect(checkResult(entities, 'orders', id).status).toBe('not-applicable');
    expect(checkResult(entities, 'carts', id).status).toBe('not-applicable');
  });

  it('fails when the system has no domain, saying where to add it', () => {
    const entities = [system('shop', { domain: undefined }), service('orders')];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain(
      'System `system:default/shop`, add `spec.domain: <domain-name>`',
    );
  });

  it('fails when the domain is not in the catalog', () => {
    const entities = [system('shop', { domain: 'retail' }), service('orders')];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'names the domain `retail`, which is not a Domain in the catalog',
    );
  });
});

describe('domain-driven-design.no-cross-domain-coupling', () => {
  const id = 'domain-driven-design.no-cross-domain-coupling';
  const catalog = () => [
    ...compliantCatalog(),
    domain('finance'),
    system('ledger', { domain: 'finance' }),
    service('accounts', { system: 'ledger', providesApis: ['accounts-api'] }),
    api('accounts-api', { system: 'ledger' }),
    service('stock'),
  ];

  it('passes for dependencies within the domain and APIs across domains', () => {
    const entities = [
      ...catalog(),
      service('orders', {
        dependsOn: ['component:stock'],
        consumesApis: ['accounts-api'],
      }),
    ];
    expect(checkResult(entities, 'orders', id).status).toBe('pass');
  });

  it('fails for a dependsOn straight to a component of another domain', () => {
    const entities = [
      ...catalog(),
      service('orders', { dependsOn: ['component:accounts'] }),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      '`component:default/accounts` (domain `domain:default/finance`)',
    );
    expect(result.remediation).toContain('with `spec.consumesApis` entries');
    expect(result.related).toEqual(['component:default/accounts']);
  });

  it('is not applicable, saying what is missing, when the service has no domain', () => {
    const entities = [
      ...catalog(),
      service('orders', {
        system: undefined,
        dependsOn: ['component:accounts'],
      }),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('not-applicable');
    expect(result.message).toContain('Has no resolvable System');

    const noDomain = [
      ...catalog(),
      system('loose', { domain: undefined }),
      service('orders', { system: 'loose', dependsOn: ['component:accounts'] }),
    ];
    const inSystem = checkResult(noDomain, 'orders', id);
    expect(inSystem.status).toBe('not-applicable');
    expect(inSystem.message).toContain('in no Domain');
  });

  it('counts a dependencyOf declared by a component of another domain', () => {
    const entities = [
      ...catalog().filter(e => e.metadata.name !== 'accounts'),
      service('accounts', {
        system: 'ledger',
        providesApis: ['accounts-api'],
        dependencyOf: ['component:orders'],
      }),
      service('orders'),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.related).toEqual(['component:default/accounts']);
    expect(result.remediation).toContain('`spec.dependencyOf` on the other side');
  });
});
