import { checkResult, group, service, system } from '../__fixtures__/entities';

describe('organizational-alignment.coherent-ownership', () => {
  const id = 'organizational-alignment.coherent-ownership';
  const org = () => [
    group('engineering'),
    group('platform', { parent: 'engineering' }),
    group('team-a', { parent: 'platform' }),
    group('team-b'),
  ];

  it("passes when the service's owner owns its system", () => {
    const entities = [...org(), system('shop'), service('orders')];
    expect(checkResult(entities, 'orders', id).status).toBe('pass');
  });

  it("passes when the service's owner is a child group of the system's owner, transitively", () => {
    const entities = [
      ...org(),
      system('shop', { owner: 'engineering' }),
      service('orders'),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('pass');
    expect(result.message).toContain(
      'is a child group of `group:default/engineering`',
    );
  });

  it('fails for an unrelated owner, saying what to change', () => {
    const entities = [
      ...org(),
      system('shop', { owner: 'team-b' }),
      service('orders'),
    ];
    const result = checkResult(entities, 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain(
      'Set `spec.owner` to `group:default/team-b` or one of its child groups',
    );
    expect(result.related).toEqual([
      'system:default/shop',
      'group:default/team-b',
      'group:default/team-a',
    ]);
  });

  it('is not applicable without a resolvable system', () => {
    expect(
      checkResult([...org(), service('orders')], 'orders', id).status,
    ).toBe('not-applicable');
  });

  it('stops at group parent loops', () => {
    const entities = [
      group('x', { parent: 'y' }),
      group('y', { parent: 'x' }),
      system('shop', { owner: 'team-b' }),
      service('orders', { owner: 'x' }),
    ];
    expect(checkResult(entities, 'orders', id).status).toBe('fail');
  });
});
