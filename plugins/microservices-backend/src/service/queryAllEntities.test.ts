import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import {
  defaultEngineConfig,
  evaluateCatalog,
} from '@microservices-backstage/plugin-microservices-common';
import { createSyntheticLandscape } from '@microservices-backstage/plugin-microservices-common/testUtils';
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

describe('LANDSCAPE_QUERY fields', () => {
  it('give the engine everything it reads: the same results as the whole entities', async () => {
    // The synthetic landscape with what a catalog adds that the engine does not read.
    const full: Entity[] = createSyntheticLandscape({
      services: 60,
      seed: 3,
    }).map((e, i) => ({
      ...e,
      metadata: {
        ...e.metadata,
        uid: `uid-${i}`,
        etag: `etag-${i}`,
        labels: { tier: 'one' },
        links: [{ url: 'https://example.com' }],
      },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/x' }],
      status: { items: [] },
    }));
    const read = await queryAllEntities(
      catalogServiceMock({ entities: full }),
      LANDSCAPE_QUERY,
      mockCredentials.user(),
    );
    // The projection did drop what it does not ask for.
    expect(read.every(e => e.relations === undefined)).toBe(true);
    const now = new Date('2026-12-02T12:00:00.000Z');
    const scores = (entities: Entity[]) =>
      evaluateCatalog(entities, defaultEngineConfig, { now }).services.map(
        s => [s.entityRef, s.score, s.level, s.checks, s.warnings],
      );
    const expected = scores(full);
    expect(expected).toHaveLength(60);
    expect(scores(read)).toEqual(expected);
  });
});
