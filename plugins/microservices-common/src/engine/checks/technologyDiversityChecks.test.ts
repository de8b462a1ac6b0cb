import { checkResult, service } from '../__fixtures__/entities';

describe('technology-diversity.stack-declared', () => {
  const id = 'technology-diversity.stack-declared';

  it('passes with tags, informationally (weight 0)', () => {
    const result = checkResult(
      [service('orders', {}, { tags: ['go', 'grpc'] })],
      'orders',
      id,
    );
    expect(result).toMatchObject({
      status: 'pass',
      weight: 0,
      message: 'Declares its stack in tags: go, grpc.',
    });
  });

  it('warns without tags, or with tags that are not strings', () => {
    expect(checkResult([service('orders')], 'orders', id).status).toBe('warn');
    expect(
      checkResult([service('orders', {}, { tags: [1, null] })], 'orders', id)
        .status,
    ).toBe('warn');
  });
});
