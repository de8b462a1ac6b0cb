import {
  checkResult,
  compliantCatalog,
  compliantService,
} from '../__fixtures__/entities';

describe('data-consistency.manual-review', () => {
  it('is always not applicable, with weight 0', () => {
    const result = checkResult(
      [...compliantCatalog(), compliantService('orders')],
      'orders',
      'data-consistency.manual-review',
    );
    expect(result).toMatchObject({ status: 'not-applicable', weight: 0 });
    expect(result.message).toContain(
      'review it manually or add a custom check',
    );
  });
});
