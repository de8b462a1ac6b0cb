/*
 * GET /services is paged from the latest results in memory (issue 11: a query per page cost
 * 2-4 ms of CPU at 10,000 services, the health sort 20 ms). The pages must be the ones the
 * store's SQL serves, and a replica must pick up another one's run, health round or failed run
 * within the check interval.
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
import { HealthService } from '../health/HealthService';
import { LatestResults } from './LatestResults';

jest.setTimeout(60_000);

const databases = testDatabases();

const COUNT = 90;
const STATUSES: HealthStatus[] = ['healthy', 'degraded', 'unhealthy'];
/** A name whose order differs from i's; names sort alike in every collation. */
const nameOf = (i: number) =>
  `svc-${String((i * 37) % COUNT).padStart(3, '0')}`;
const refOf = (i: number) => `component:default/${nameOf(i)}`;

function service(i: number, evaluatedAt = '2026-12-02T10:00:00.000Z') {
  return evaluatedService(nameOf(i), {
    ...(i % 4 ? { title: `Service ${i % 9 ? 'Alpha' : 'Beta'} ${i}` } : {}),
    owner: `group:default/team-${i % 5}`,
    system: `system:default/sys-${i % 7}`,
    domain: `domain:default/dom-${i % 3}`,
    lifecycle: i % 10 ? 'production' : 'experimental',
    score: (i * 13) % 101,
    level: ['Gold', 'silver', 'bronze'][i % 3],
    failingPrinciples: ['devops', 'api-first', 'data'].filter(
      (_, p) => (i >> p) % 2,
    ),
    failingChecks: ['devops.owned', 'api.spec', 'data.own'].filter(
      (_, p) => (i >> (p + 1)) % 2,
    ),
    dependencyCount: i % 6,
    dependentCount: (i * 7) % 11,
    evaluatedAt,
  });
}

async function createStores(id: TestDatabaseId) {
  const stores = await migratedStore(await databases.init(id));
  const health = new HealthService({ store: stores.healthStore } as any);
  return { ...stores, health };
}

/** Health for every service but each eighth (never probed: unknown). */
const round = (statusOf: (i: number) => HealthStatus, at: string) =>
  Array.from({ length: COUNT }, (_, i) => i)
    .filter(i => i % 8)
    .map(i => ({
      entityRef: refOf(i),
      status: statusOf(i),
      checkedAt: at,
      source: 'http',
    }));

const queries: ServiceListQuery[] = [
  {},
  { limit: 7, offset: 3 },
  { orderBy: 'score', limit: 10, offset: COUNT - 12 },
  { orderBy: 'score', order: 'desc', limit: 25 },
  { orderBy: 'level', order: 'desc', limit: 30 },
  { orderBy: 'owner', limit: 40 },
  { orderBy: 'system', order: 'desc', limit: 40 },
  { orderBy: 'domain', limit: 40, offset: 20 },
  { orderBy: 'lifecycle', order: 'desc', limit: 50 },
  { orderBy: 'dependencyCount', limit: 30 },
  { orderBy: 'dependentCount', order: 'desc', limit: 30 },
  { orderBy: 'evaluatedAt', limit: 30 },
  { orderBy: 'name', order: 'desc', limit: 100 },
  { orderBy: 'health', limit: 30 },
  { orderBy: 'health', order: 'desc', limit: 30, offset: 10 },
  { health: ['unknown', 'healthy'], orderBy: 'health', limit: 20 },
  { health: ['degraded'], limit: 100 },
  {
    owner: ['GROUP:default/team-3'],
    lifecycle: ['production'],
    orderBy: 'score',
  },
  { system: ['system:default/sys-1', 'system:default/sys-2'], limit: 100 },
  { domain: ['domain:default/dom-0'], orderBy: 'dependentCount', limit: 100 },
  { level: ['gold'], limit: 100 },
  { level: ['SILVER', 'bronze'], orderBy: 'level', limit: 100 },
  { failingPrinciple: ['devops'], limit: 100 },
  {
    failingPrinciple: ['devops', 'data'],
    failingCheck: ['api.spec'],
    limit: 100,
  },
  { failingCheck: ['data.own'], orderBy: 'score', order: 'desc', limit: 100 },
  { search: 'alpha', limit: 100 },
  { search: 'SVC-01', limit: 100 },
  { search: 'default/svc-00', limit: 100 },
  { search: '%', limit: 100 },
  { owner: ['group:default/nobody'] },
  { offset: COUNT + 5 },
];

describe.each(databases.eachSupportedId())('LatestResults on %p', id => {
  let stores: Awaited<ReturnType<typeof createStores>>;
  afterEach(() => stores?.knex.destroy());

  it.each([[false], [true]])(
    'serves the pages the store serves in SQL (visible set: %p)',
    async withVisibleSet => {
      stores = await createStores(id);
      const { store, healthStore, health } = stores;
      await store.saveRun(
        evaluationRun(
          '2026-12-02T10:00:00.000Z',
          Array.from({ length: COUNT }, (_, i) =>
            service(i, `2026-12-02T10:00:0${i % 3}.000Z`),
          ),
        ),
      );
      await healthStore.saveRound(
        round(i => STATUSES[i % 3], '2026-12-02T10:01:00.000Z'),
      );
      const latest = await new LatestResults({ store, health }).current();
      const visible = withVisibleSet
        ? new Set(
            Array.from({ length: COUNT }, (_, i) => i)
              .filter(i => i % 3 !== 1)
              .map(refOf),
          )
        : undefined;
      for (const query of queries) {
        const fromSql = await store.listServices(query, visible);
        const expected = {
          items: (await health.withHealth(fromSql.items)).map(
            ({ health: h, ...s }) => ({ ...s, health: h }),
          ),
          totalCount: fromSql.totalCount,
        };
        expect({ query, page: latest.page(query, visible) }).toEqual({
          query,
          page: expected,
        });
      }
    },
  );

  it('keeps the results of many filters apart (more than it keeps)', async () => {
    stores = await createStores(id);
    const { store, health } = stores;
    await store.saveRun(
      evaluationRun(
        '2026-12-02T10:00:00.000Z',
        Array.from({ length: COUNT }, (_, i) => service(i)),
      ),
    );
    const latest = await new LatestResults({ store, health }).current();
    const filters: ServiceListQuery[] = Array.from({ length: 80 }, (_, i) => ({
      search: `svc-0${String(i % 40).padStart(2, '0')}`,
      ...(i >= 40
        ? { orderBy: 'score' as const, owner: [`group:default/team-${i % 5}`] }
        : {}),
      limit: 100,
    }));
    for (const query of [...filters, ...filters.slice(0, 5)]) {
      const fromSql = await store.listServices(query);
      expect({
        query,
        names: latest.page(query, undefined).items.map(s => s.name),
      }).toEqual({ query, names: fromSql.items.map(s => s.name) });
    }
  });

  it("picks up another replica's run, health round and failed run within the interval", async () => {
    stores = await createStores(id);
    const { store, healthStore, health } = stores;
    let clock = 0;
    const listServiceSummaries = jest.spyOn(store, 'listServiceSummaries');
    const latest = new LatestResults({
      store,
      health,
      checkIntervalMs: 1_000,
      now: () => clock,
    });
    const names = async () =>
      (await latest.current()).page({ limit: 100 }, undefined).items;

    await store.saveRun(
      evaluationRun('2026-12-02T10:00:00.000Z', [service(0), service(1)]),
    );
    expect(await names()).toHaveLength(2);

    // Another replica stores a run: served after the interval, not before.
    await store.saveRun(
      evaluationRun('2026-12-02T10:05:00.000Z', [
        service(0),
        service(1),
        service(2),
      ]),
    );
    clock = 999;
    expect(await names()).toHaveLength(2);
    clock = 1_000;
    expect(await names()).toHaveLength(3);
    expect(listServiceSummaries).toHaveBeenCalledTimes(2);

    // Nothing new: the versions are read, the results are not.
    clock = 2_000;
    const same = await latest.current();
    clock = 3_000;
    expect(await latest.current()).toBe(same);
    expect(listServiceSummaries).toHaveBeenCalledTimes(2);

    // A health round: new health, the same results.
    await healthStore.saveRound([
      {
        entityRef: refOf(2),
        status: 'unhealthy',
        checkedAt: '2026-12-02T10:06:00.000Z',
        source: 'http',
      },
    ]);
    clock = 4_000;
    const afterRound = await latest.current();
    expect(afterRound.healthOf(refOf(2)).status).toBe('unhealthy');
    expect(
      afterRound.page({ health: ['unhealthy'] }, undefined).totalCount,
    ).toBe(1);
    expect(listServiceSummaries).toHaveBeenCalledTimes(2);

    // A failed run: the same results, served as stale.
    await store.recordFailedRun({
      startedAt: '2026-12-02T10:10:00.000Z',
      finishedAt: '2026-12-02T10:10:01.000Z',
      error: 'catalog unavailable',
    });
    clock = 5_000;
    const stale = (await latest.current()).page({}, undefined).items;
    expect(stale.every(s => s.stale === true)).toBe(true);
    expect(listServiceSummaries).toHaveBeenCalledTimes(2);

    // This replica's own run: at once (invalidate), without waiting for the interval.
    await store.saveRun(
      evaluationRun('2026-12-02T10:15:00.000Z', [service(0)]),
    );
    latest.invalidate();
    const own = (await latest.current()).page({}, undefined).items;
    expect(own).toHaveLength(1);
    expect(own[0].stale).toBeUndefined();
  });

  it('shares one check among concurrent callers', async () => {
    stores = await createStores(id);
    const { store } = stores;
    await store.saveRun(
      evaluationRun('2026-12-02T10:00:00.000Z', [service(0)]),
    );
    const versions = jest.spyOn(store, 'getResultsVersion');
    const latest = new LatestResults({ store, checkIntervalMs: 0 });
    const snapshots = await Promise.all(
      Array.from({ length: 20 }, () => latest.current()),
    );
    expect(new Set(snapshots).size).toBe(1);
    expect(versions).toHaveBeenCalledTimes(1);
  });
});
