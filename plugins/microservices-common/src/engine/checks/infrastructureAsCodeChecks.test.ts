import { checkResult, service } from '../__fixtures__/entities';

describe('infrastructure-as-code.declared', () => {
  const id = 'infrastructure-as-code.declared';

  it('passes with an IaC annotation', () => {
    const entity = service(
      'orders',
      {},
      { annotations: { 'terraform.io/workspace': 'orders-prod' } },
    );
    expect(checkResult([entity], 'orders', id)).toMatchObject({
      status: 'pass',
      weight: 2,
    });
  });

  it('fails without', () => {
    const result = checkResult([service('orders')], 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain(
      '`backstage.io/kubernetes-id: <value>`',
    );
  });
});
