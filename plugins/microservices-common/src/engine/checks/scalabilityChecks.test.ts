import {
  checkResult,
  compliantService,
  service,
} from '../__fixtures__/entities';

describe('scalability.independently-deployable', () => {
  const id = 'scalability.independently-deployable';

  it('passes for a component of its own with a lifecycle and its own deployment id', () => {
    const entities = [compliantService('orders'), compliantService('carts')];
    expect(checkResult(entities, 'orders', id).status).toBe('pass');
  });

  it('fails for a subcomponent without lifecycle, naming every problem', () => {
    const entities = [
      service('shop-monolith'),
      service('orders', {
        lifecycle: undefined,
        subcomponentOf: 'shop-monolith',
      }),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'Is a subcomponent of `component:default/shop-monolith`; has no `spec.lifecycle`.',
    );
    expect(result.remediation).toContain('Remove `spec.subcomponentOf`');
    expect(result.remediation).toContain('add `spec.lifecycle`');
  });

  it('fails for services sharing a deployment id', () => {
    const deployedAs = (name: string, app: string) =>
      service(name, {}, { annotations: { 'argocd/app-name': app } });
    const entities = [
      deployedAs('orders', 'shop'),
      deployedAs('carts', 'shop'),
      deployedAs('users', 'users'),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'Shares `argocd/app-name: shop` with `component:default/carts`.',
    );
    expect(result.related).toEqual(['component:default/carts']);
    expect(checkResult(entities, 'users', id).status).toBe('pass');
  });
});
