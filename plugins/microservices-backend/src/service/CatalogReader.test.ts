import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Entity } from '@backstage/catalog-model';
import { CatalogReader } from './CatalogReader';

const service = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner },
});

describe('CatalogReader visibility', () => {
  afterEach(() => jest.useRealTimers());

  it("reads a caller's visible services once within the TTL, per caller, and again after it", async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    const backing = catalogServiceMock({
      entities: [service('orders', 'team-a'), service('secret', 'team-b')],
    });
    // The catalog shows alice only orders; bob sees neither.
    const queryEntities = jest.fn(async (req: any, options: any) => {
      const page = await backing.queryEntities(req, options);
      const user = options.credentials.principal.userEntityRef;
      return {
        ...page,
        items: page.items.filter(
          e => user === 'user:default/alice' && e.metadata.name === 'orders',
        ),
      };
    });
    const authorizeConditional = jest.fn(async (requests: any[]) =>
      requests.map(() => ({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: {},
        },
      })),
    );
    const reader = new CatalogReader(
      catalogServiceMock.mock({ queryEntities: queryEntities as any }),
      mockServices.auth(),
      mockServices.permissions.mock({
        authorizeConditional: authorizeConditional as any,
      }),
      { accessTtlMs: 5_000 },
    );
    const alice = mockCredentials.user('user:default/alice');
    const bob = mockCredentials.user('user:default/bob');

    const [first, second] = await Promise.all([
      reader.visibleServiceRefs(alice),
      reader.visibleServiceRefs(alice),
    ]);
    expect([...first!]).toEqual(['component:default/orders']);
    expect(second).toBe(first);
    expect([...(await reader.visibleServiceRefs(bob))!]).toEqual([]);
    expect(queryEntities).toHaveBeenCalledTimes(2);
    expect(authorizeConditional).toHaveBeenCalledTimes(2);

    jest.advanceTimersByTime(5_001);
    expect([...(await reader.visibleServiceRefs(alice))!]).toEqual([
      'component:default/orders',
    ]);
    expect(queryEntities).toHaveBeenCalledTimes(3);
    expect(authorizeConditional).toHaveBeenCalledTimes(3);
  });
});
