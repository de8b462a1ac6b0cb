import type { Entity } from '@backstage/catalog-model';
import { emailOf, memberRefsOf, ownerRefOf, parentRefOf } from './ownership';

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'order-service', namespace: 'shop' },
  spec: { type: 'service', owner: 'orders-team' },
};

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'orders-team' },
  spec: {
    type: 'team',
    parent: 'fulfillment-engineering',
    children: [],
    members: ['ada', 'user:default/bob'],
    profile: { email: 'orders@example.com' },
  },
};

describe('ownership', () => {
  it('prefers the catalog relations', () => {
    expect(
      ownerRefOf({
        ...service,
        relations: [
          { type: 'ownedBy', targetRef: 'group:default/Orders-Team' },
        ],
      }),
    ).toBe('group:default/orders-team');
    expect(
      parentRefOf({
        ...group,
        relations: [{ type: 'childOf', targetRef: 'group:default/x' }],
      }),
    ).toBe('group:default/x');
    expect(
      memberRefsOf({
        ...group,
        relations: [
          { type: 'hasMember', targetRef: 'user:default/zoe' },
          { type: 'hasMember', targetRef: 'user:default/ada' },
        ],
      }),
    ).toEqual(['user:default/ada', 'user:default/zoe']);
  });

  it("falls back to the spec, completing refs in the entity's namespace", () => {
    expect(ownerRefOf(service)).toBe('group:shop/orders-team');
    expect(parentRefOf(group)).toBe('group:default/fulfillment-engineering');
    expect(memberRefsOf(group)).toEqual([
      'user:default/ada',
      'user:default/bob',
    ]);
    expect(ownerRefOf({ ...service, spec: {} })).toBeUndefined();
  });

  it('reads the contact e-mail', () => {
    expect(emailOf(group)).toBe('orders@example.com');
    expect(emailOf(service)).toBeUndefined();
  });
});
