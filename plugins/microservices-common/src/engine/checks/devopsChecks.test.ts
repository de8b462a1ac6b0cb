import {
  checkResult,
  compliantCatalog,
  service,
  user,
} from '../__fixtures__/entities';

describe('devops.owned-by-team', () => {
  const id = 'devops.owned-by-team';
  const resultFor = (owner: unknown) =>
    checkResult(
      [...compliantCatalog(), user('jane'), service('orders', { owner })],
      'orders',
      id,
    );

  it('passes for an existing group', () => {
    expect(resultFor('team-a')).toMatchObject({
      status: 'pass',
      related: ['group:default/team-a'],
    });
    expect(resultFor('Group:Default/Team-A').status).toBe('pass');
  });

  it('fails for a person', () => {
    const result = resultFor('user:jane');
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'Is owned by `user:default/jane`, a User (a person), not a team.',
    );
    expect(result.remediation).toContain('`spec.owner: group:<team-name>`');
  });

  it('fails for an e-mail address, a dangling ref, a missing or malformed owner', () => {
    expect(resultFor('ops@example.com').message).toContain(
      '(an e-mail address is not a team)',
    );
    expect(resultFor('group:nobody').message).toContain(
      '`group:default/nobody`, which is not in the catalog',
    );
    expect(resultFor(undefined).message).toBe('Has no `spec.owner`.');
    expect(resultFor(42).message).toBe('`spec.owner` is not a valid ref: 42.');
  });
});

describe('devops.on-call', () => {
  const id = 'devops.on-call';

  it('passes with an on-call annotation and fails without', () => {
    const onCall = service(
      'orders',
      {},
      { annotations: { 'opsgenie.com/team': 'shop' } },
    );
    expect(checkResult([onCall], 'orders', id).status).toBe('pass');
    const result = checkResult([service('orders')], 'orders', id);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Declares no on-call rotation');
  });
});
