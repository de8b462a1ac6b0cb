import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { LANDSCAPE_QUERY, queryAllEntities } from './queryAllEntities';

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

describe('queryAllEntities with LANDSCAPE_QUERY', () => {
  it("reads the catalog without a kind filter and keeps the engine's kinds, every page", async () => {
    const entities = [
      ...Array.from({ length: 2500 }, (_, i) => entity('Component', `c${i}`)),
      entity('Location', 'generated-1'),
      entity('Template', 'new-service'),
      entity('group', 'team-a'),
      entity('API', 'orders-api'),
    ];
    const backing = catalogServiceMock({ entities });
    const queryEntities = jest.fn(backing.queryEntities.bind(backing));
    const catalog = catalogServiceMock.mock({
      queryEntities: queryEntities as any,
    });

    const read = await queryAllEntities(
      catalog,
      LANDSCAPE_QUERY,
      mockCredentials.user(),
    );

    expect(read.map(e => e.kind).filter(k => k !== 'Component')).toEqual([
      'group',
      'API',
    ]);
    expect(read.filter(e => e.kind === 'Component')).toHaveLength(2500);
    // Two pages, and no filter on the first.
    expect(queryEntities).toHaveBeenCalledTimes(2);
    expect(queryEntities.mock.calls[0][0]).not.toHaveProperty('filter');
  });
});
