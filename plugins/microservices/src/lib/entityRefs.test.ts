import {
  kindOf,
  normalizeRef,
  relationTargets,
  shortRef,
  toCompoundRef,
} from './entityRefs';

describe('entityRefs', () => {
  it('normalizes typed refs to the full lower-case form the backend filters on', () => {
    expect(normalizeRef('orders-team', 'group')).toBe(
      'group:default/orders-team',
    );
    expect(normalizeRef('Group:Default/Orders-Team', 'group')).toBe(
      'group:default/orders-team',
    );
    expect(normalizeRef('user:marek.nowak', 'group')).toBe(
      'user:default/marek.nowak',
    );
    expect(normalizeRef('ops/platform', 'system')).toBe('system:ops/platform');
  });

  it('shortens refs for display, keeping what is unexpected', () => {
    expect(shortRef('group:default/orders-team', 'group')).toBe('orders-team');
    expect(shortRef('user:default/marek.nowak', 'group')).toBe(
      'user:marek.nowak',
    );
    expect(shortRef('system:ops/platform', 'system')).toBe('ops/platform');
    expect(shortRef('component:default/order-service')).toBe('order-service');
  });

  it('tells the kind of a ref and rejects what is not one', () => {
    expect(kindOf('resource:default/orders-db')).toBe('resource');
    expect(kindOf('orders-db')).toBeUndefined();
    expect(toCompoundRef('')).toBeUndefined();
  });
});

describe('relationTargets', () => {
  it('gives the distinct lower-case targets of one relation type, sorted', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team' },
      relations: [
        { type: 'hasMember', targetRef: 'user:default/Bob' },
        { type: 'hasMember', targetRef: 'user:default/alice' },
        { type: 'hasMember', targetRef: 'user:default/bob' },
        { type: 'childOf', targetRef: 'group:default/eng' },
      ],
    };
    expect(relationTargets(entity, 'hasMember')).toEqual([
      'user:default/alice',
      'user:default/bob',
    ]);
    expect(relationTargets(undefined, 'hasMember')).toEqual([]);
  });
});
