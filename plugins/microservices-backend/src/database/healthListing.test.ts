/*
 * The health filter and sort of GET /services are joined and paged in SQL (issue 11). These
 * pages must be the ones the earlier in-memory merge served: every match in the store's order
 * by name (in the query's direction), a stable sort by health rank, then the page.
 */
import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type {
  HealthStatus,
  ServiceListQuery,
} from '@microservices-backstage/plugin-microservices-common';
import {
  evaluatedService,
  evaluationRun,
  migratedStore,
  testDatabases,
} from '../__testUtils__/migratedStore';
import { HEALTH_SORT_RANK } from '../health/HealthService';
import { KnexMicroservicesStore } from './KnexMicroservicesStore';

jest.setTimeout(60_000);

const databases = testDatabases();

const STATUSES: HealthStatus[] = [
  'healthy',
  'degraded',
  'unhealthy',
  'unknown',
];
const COUNT = 60;

/** Service i: a name whose order differs from i's, some without any health stored. */
const nameOf = (i: number) =>
  `svc-${String((i * 37) % COUNT).padStart(2, '0')}-${i % 3 ? 'b' : 'a'}`;
const statusOf = (i: number): HealthStatus | undefined =>
  i % 7 === 0 ? undefined : STATUSES[(i * 5) % 4];

function service(i: number) {
  return evaluatedService(nameOf(i), {
    owner: `group:default/team-${i % 2}`,
    lifecycle: 'production',
    score: (i * 13) % 101,
    level: 'bronze',
  });
}

/** The earlier behaviour: name order in the query's direction, stable sort by rank, page. */
function expectedPage(query: ServiceListQuery): {
  names: string[];
  totalCount: number;
} {
  const sign = query.order === 'desc' ? -1 : 1;
  const all = Array.from({ length: COUNT }, (_, i) => ({
    name: nameOf(i),
    ref: `component:default/${nameOf(i)}`,
    status: statusOf(i) ?? 'unknown',
  }))
    .sort(
      (a, b) =>
        sign * a.name.localeCompare(b.name) || a.ref.localeCompare(b.ref),
    )
    .filter(s => !query.health?.length || query.health.includes(s.status));
  if (query.orderBy === 'health') {
    all.sort(
      (a, b) =>
        sign * (HEALTH_SORT_RANK[a.status] - HEALTH_SORT_RANK[b.status]),
    );
  }
  const offset = query.offset ?? 0;
  return {
    names: all.slice(offset, offset + (query.limit ?? 20)).map(s => s.name),
    totalCount: all.length,
  };
}

async function createStores(id: TestDatabaseId) {
  const { store, healthStore } = await migratedStore(await databases.init(id));
  await store.saveRun(
    evaluationRun(
      '2026-12-02T10:00:00.000Z',
      Array.from({ length: COUNT }, (_, i) => service(i)),
    ),
  );
  await healthStore.saveRound(
    Array.from({ length: COUNT }, (_, i) => i)
      .filter(i => statusOf(i))
      .map(i => ({
        entityRef: `component:default/${nameOf(i)}`,
        status: statusOf(i)!,
        checkedAt: '2026-12-02T10:00:00.000Z',
        source: 'http',
      })),
  );
  return store;
}

describe.each(databases.eachSupportedId())(
  'health filter and sort in SQL on %p',
  id => {
    let store: KnexMicroservicesStore;
    beforeAll(async () => {
      store = await createStores(id);
    });

    const queries: ServiceListQuery[] = [
      { orderBy: 'health', limit: 20 },
      { orderBy: 'health', order: 'desc', limit: 20 },
      { orderBy: 'health', offset: 20, limit: 20 },
      { orderBy: 'health', order: 'desc', offset: 45, limit: 20 },
      { health: ['unknown'], limit: 50 },
      {
        health: ['healthy', 'degraded'],
        orderBy: 'health',
        limit: 10,
        offset: 5,
      },
      {
        health: ['unhealthy', 'unknown'],
        orderBy: 'health',
        order: 'desc',
        limit: 100,
      },
      { health: ['degraded'], order: 'desc', limit: 7 },
    ];

    it.each(queries.map(q => [JSON.stringify(q), q] as const))(
      '%s: the same page as the in-memory merge',
      async (_, query) => {
        const { items, totalCount } = await store.listServices(query);
        expect({ names: items.map(s => s.name), totalCount }).toEqual(
          expectedPage(query),
        );
      },
    );

    it('counts services without a health row as unknown', async () => {
      const withoutRow = Array.from({ length: COUNT }, (_, i) => i).filter(
        i => !statusOf(i),
      );
      const { items } = await store.listServices({
        health: ['unknown'],
        limit: 100,
      });
      expect(items.map(s => s.name)).toEqual(
        expect.arrayContaining(withoutRow.map(nameOf)),
      );
    });

    it('pages the health filter over the visible services only', async () => {
      const visible = new Set(
        Array.from({ length: COUNT }, (_, i) => i)
          .filter(i => i % 2 === 0)
          .map(i => `component:default/${nameOf(i)}`),
      );
      const { items, totalCount } = await store.listServices(
        { health: ['healthy'], orderBy: 'health', limit: 100 },
        visible,
      );
      const expected = Array.from({ length: COUNT }, (_, i) => i).filter(
        i => i % 2 === 0 && statusOf(i) === 'healthy',
      );
      expect(totalCount).toBe(expected.length);
      expect(items.map(s => s.name).sort()).toEqual(
        expected.map(nameOf).sort(),
      );
    });
  },
);
