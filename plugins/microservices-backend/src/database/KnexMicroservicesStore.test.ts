import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { ServiceListQuery } from '@microservices-backstage/plugin-microservices-common';
import {
  evaluatedService,
  evaluationRun,
  migratedStore,
  testDatabases,
} from '../__testUtils__/migratedStore';
import { KnexMicroservicesStore } from './KnexMicroservicesStore';
import type { EvaluatedService } from './MicroservicesStore';

jest.setTimeout(60_000);

const databases = testDatabases();

const service = (name: string, overrides: Partial<EvaluatedService> = {}) =>
  evaluatedService(name, {
    owner: 'group:default/team-a',
    system: 'system:default/shop',
    domain: 'domain:default/commerce',
    lifecycle: 'production',
    dependencyCount: 1,
    evaluatedAt: '2026-11-29T10:00:00.000Z',
    ...overrides,
  });

/** Every matching service, in order (one page large enough for the fixtures). */
async function list(
  store: KnexMicroservicesStore,
  query: ServiceListQuery,
  visible?: Set<string>,
) {
  const { items, totalCount } = await store.listServices(
    { ...query, limit: 500 },
    visible,
  );
  expect(totalCount).toBe(items.length);
  return items;
}

async function createStore(id: TestDatabaseId) {
  return migratedStore(await databases.init(id));
}

const run = (
  services: EvaluatedService[],
  finishedAt = '2026-11-29T10:00:01.000Z',
) =>
  evaluationRun('2026-11-29T10:00:00.000Z', services, {
    finishedAt,
    cycles: [['component:default/a', 'component:default/b']],
  });

it('runs against PostgreSQL in CI', () => {
  // .ci/run installs and starts PostgreSQL; a silent fallback to SQLite only would hide it.
  const required = process.env.MICROSERVICES_REQUIRE_ALL_TESTS === '1';
  expect(databases.supports('POSTGRES_15') || !required).toBe(true);
});

describe.each(databases.eachSupportedId())(
  'KnexMicroservicesStore on %p',
  databaseId => {
    it('pages in the database and counts all matches', async () => {
      const { store } = await createStore(databaseId);
      await store.saveRun(run(['a', 'b', 'c', 'd', 'e'].map(n => service(n))));
      const page = await store.listServices({
        offset: 1,
        limit: 2,
        orderBy: 'name',
      });
      expect(page.items.map(s => s.name)).toEqual(['b', 'c']);
      expect(page.totalCount).toBe(5);
      const visiblePage = await store.listServices(
        { offset: 1, limit: 2, orderBy: 'name' },
        new Set([
          'component:default/a',
          'component:default/c',
          'component:default/e',
        ]),
      );
      expect(visiblePage.items.map(s => s.name)).toEqual(['c', 'e']);
      expect(visiblePage.totalCount).toBe(3);
    });

    it('saves a run, lists, filters, sorts and reads one service', async () => {
      const { store } = await createStore(databaseId);
      await store.saveRun(
        run([
          service('Checkout', {
            score: 95,
            level: 'gold',
            title: 'Checkout API',
          }),
          service('billing', {
            owner: 'group:default/team-b',
            score: 40,
            level: 'none',
            failingPrinciples: ['fault-isolation'],
            failingChecks: ['fault-isolation.no-dependency-cycle'],
            checks: [
              {
                id: 'fault-isolation.no-dependency-cycle',
                principle: 'fault-isolation',
                status: 'fail',
                message: 'On a cycle',
                remediation: 'Break it',
                weight: 3,
              },
            ],
          }),
          service('catalog', {
            score: 70,
            level: 'bronze',
            lifecycle: 'experimental',
          }),
        ]),
      );

      const all = await list(store, {});
      expect(all.map(s => s.name)).toEqual(
        ['billing', 'catalog', 'Checkout'].sort((a, b) => (a < b ? -1 : 1)),
      );
      expect(all[0].entityRef).toBe(all[0].entityRef.toLowerCase());

      const byScore = await list(store, { orderBy: 'score', order: 'desc' });
      expect(byScore.map(s => s.score)).toEqual([95, 70, 40]);

      expect(
        (await list(store, { owner: ['group:default/team-b'] })).map(
          s => s.name,
        ),
      ).toEqual(['billing']);
      expect(
        (await list(store, { failingPrinciple: ['fault-isolation'] })).map(
          s => s.name,
        ),
      ).toEqual(['billing']);
      expect(
        (
          await list(store, {
            failingCheck: ['fault-isolation.no-dependency-cycle'],
          })
        ).length,
      ).toBe(1);
      expect(
        (await list(store, { lifecycle: ['experimental'] })).map(s => s.name),
      ).toEqual(['catalog']);
      expect(
        (await list(store, { search: 'CHECKOUT api' })).map(s => s.name),
      ).toEqual(['Checkout']);
      expect(await list(store, { search: '100%_' })).toEqual([]);
      expect(
        (await list(store, {}, new Set(['component:default/catalog']))).map(
          s => s.name,
        ),
      ).toEqual(['catalog']);

      const billing = await store.getService('component:default/BILLING');
      expect(billing?.checks[0].status).toBe('fail');
      // Live health is merged in by MicroservicesService, not stored with the result.
      expect(billing).not.toHaveProperty('health');
      expect(await store.getService('component:default/nope')).toBeUndefined();
      expect(await store.hasService('component:default/Billing')).toBe(true);
      expect(await store.hasService('component:default/nope')).toBe(false);

      const latest = await store.getLatestRun();
      expect(latest?.cycles).toEqual([
        ['component:default/a', 'component:default/b'],
      ]);
    });

    it('replaces results, removes services that left the catalog and keeps history', async () => {
      const { store } = await createStore(databaseId);
      await store.saveRun(run([service('a', { score: 50 }), service('gone')]));
      await store.saveRun(
        run(
          [
            service('a', {
              score: 60,
              evaluatedAt: '2026-11-29T11:00:00.000Z',
            }),
          ],
          '2026-11-29T11:00:01.000Z',
        ),
      );
      expect((await list(store, {})).map(s => s.name)).toEqual(['a']);
      expect(await store.getService('component:default/gone')).toBeUndefined();
      const history = await store.getHistory('component:default/a', {
        limit: 10,
      });
      expect(history.map(h => h.score)).toEqual([50, 60]);
      expect(
        await store.getHistory('component:default/a', { limit: 1 }),
      ).toEqual([
        { score: 60, level: 'silver', evaluatedAt: '2026-11-29T11:00:00.000Z' },
      ]);
    });

    it('rewrites only the results that changed, and moves the time of the others', async () => {
      const { knex, store } = await createStore(databaseId);
      const later = '2026-11-29T11:00:00.000Z';
      await store.saveRun(
        run([
          service('same'),
          service('changes', { score: 50 }),
          service('leaves'),
        ]),
      );
      const inserted: string[] = [];
      const onQuery = (q: { sql: string; bindings?: unknown[] }) => {
        if (/^insert into .microservices_service_results/.test(q.sql)) {
          inserted.push(
            ...(q.bindings ?? []).filter(
              (b): b is string =>
                typeof b === 'string' && b.startsWith('component:'),
            ),
          );
        }
      };
      knex.on('query', onQuery);
      await store.saveRun(
        run(
          [
            service('same', { evaluatedAt: later }),
            service('changes', { score: 70, evaluatedAt: later }),
            service('arrives', { evaluatedAt: later }),
          ],
          '2026-11-29T11:00:01.000Z',
        ),
      );
      knex.off('query', onQuery);
      expect(inserted.sort()).toEqual([
        'component:default/arrives',
        'component:default/changes',
      ]);
      expect(
        (await list(store, {})).map(s => [s.name, s.score, s.evaluatedAt]),
      ).toEqual([
        ['arrives', 80, later],
        ['changes', 70, later],
        ['same', 80, later],
      ]);
      expect(await store.getService('component:default/same')).toEqual({
        ...service('same', { evaluatedAt: later }),
        health: undefined,
      });
      expect(
        await store.getService('component:default/leaves'),
      ).toBeUndefined();
    });

    it('refreshes the planner statistics of the results after a run', async () => {
      const { knex, store } = await createStore(databaseId);
      await store.saveRun(run([service('a'), service('b')]));
      const analyzed =
        knex.client.config.client === 'pg'
          ? (
              await knex.raw(
                "select last_analyze from pg_stat_user_tables where relname = 'microservices_service_results'",
              )
            ).rows[0].last_analyze !== null
          : Number(
              (
                await knex.raw(
                  "select count(*) as n from sqlite_stat1 where tbl = 'microservices_service_results'",
                )
              )[0].n,
            ) > 0;
      expect(analyzed).toBe(true);
    });

    it('gives the landscape trend per evaluation over the visible services', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.getLandscapeHistory(10)).toEqual([]);
      const at1 = '2026-11-01T00:00:00.000Z';
      const at2 = '2026-11-02T00:00:00.000Z';
      await store.saveRun(
        run(
          [
            service('a', { score: 40, level: 'none', evaluatedAt: at1 }),
            service('b', { score: 80, evaluatedAt: at1 }),
          ],
          at1,
        ),
      );
      await store.saveRun(
        run(
          [
            service('a', { score: 60, level: 'bronze', evaluatedAt: at2 }),
            service('b', { score: 100, level: 'gold', evaluatedAt: at2 }),
          ],
          at2,
        ),
      );
      expect(await store.getLandscapeHistory(10)).toEqual([
        {
          evaluatedAt: at1,
          serviceCount: 2,
          averageScore: 60,
          levels: expect.arrayContaining([
            { level: 'none', count: 1 },
            { level: 'silver', count: 1 },
          ]),
        },
        {
          evaluatedAt: at2,
          serviceCount: 2,
          averageScore: 80,
          levels: expect.arrayContaining([
            { level: 'bronze', count: 1 },
            { level: 'gold', count: 1 },
          ]),
        },
      ]);
      const latestOnly = await store.getLandscapeHistory(
        1,
        new Set(['component:default/a']),
      );
      expect(latestOnly).toEqual([
        {
          evaluatedAt: at2,
          serviceCount: 1,
          averageScore: 60,
          levels: [{ level: 'bronze', count: 1 }],
        },
      ]);
    });

    it('records a history point only when score or level changes, or once a day', async () => {
      const { store } = await createStore(databaseId);
      const at = (time: string) => `2026-11-29T${time}:00.000Z`;
      const save = (score: number, level: string, when: string) =>
        store.saveRun(
          run([service('a', { score, level, evaluatedAt: when })], when),
        );
      await save(80, 'silver', at('10:00'));
      await save(80, 'silver', at('10:01')); // unchanged: no point
      await save(80, 'silver', at('10:02'));
      await save(80, 'bronze', at('10:03')); // level changed
      await save(75, 'bronze', at('10:04')); // score changed
      await save(75, 'bronze', '2026-11-30T09:00:00.000Z'); // unchanged, but a new day
      await save(75, 'bronze', '2026-11-30T10:00:00.000Z'); // unchanged, same day
      const history = await store.getHistory('component:default/a', {
        limit: 100,
      });
      expect(history).toEqual([
        { score: 80, level: 'silver', evaluatedAt: at('10:00') },
        { score: 80, level: 'bronze', evaluatedAt: at('10:03') },
        { score: 75, level: 'bronze', evaluatedAt: at('10:04') },
        { score: 75, level: 'bronze', evaluatedAt: '2026-11-30T09:00:00.000Z' },
      ]);
      // The trend carries each service's last point forward to the instants where any changed.
      await store.saveRun(
        run(
          [
            service('a', {
              score: 75,
              level: 'bronze',
              evaluatedAt: '2026-11-30T11:00:00.000Z',
            }),
            service('b', {
              score: 25,
              level: 'none',
              evaluatedAt: '2026-11-30T11:00:00.000Z',
            }),
          ],
          '2026-11-30T11:00:00.000Z',
        ),
      );
      const trend = await store.getLandscapeHistory(2);
      expect(trend).toEqual([
        {
          evaluatedAt: '2026-11-30T09:00:00.000Z',
          serviceCount: 1,
          averageScore: 75,
          levels: [{ level: 'bronze', count: 1 }],
        },
        {
          evaluatedAt: '2026-11-30T11:00:00.000Z',
          serviceCount: 2,
          averageScore: 50,
          levels: [
            { level: 'bronze', count: 1 },
            { level: 'none', count: 1 },
          ],
        },
      ]);
    });

    it('serves the graph facts of a service with its detail', async () => {
      const { store } = await createStore(databaseId);
      const shared = {
        datastoreRef: 'resource:default/db',
        services: ['component:default/a', 'component:default/b'],
        owners: ['group:default/team-a', 'group:default/team-b'],
        systems: ['system:default/shop'],
        conflicting: true,
      };
      await store.saveRun(
        run([
          service('a', {
            cycle: ['component:default/b'],
            sharedDatastores: [shared],
            nextLevel: {
              level: 'gold',
              minScore: 90,
              missingChecks: ['devops.on-call'],
              scoreShortfall: 0,
            },
            warnings: ['`spec.dependOn` is not a field Backstage reads'],
            upstream: [
              {
                entityRef: 'component:default/legacy',
                via: 'dependsOn',
                kind: 'component',
                exists: false,
                datastore: false,
              },
            ],
          }),
          service('b'),
        ]),
      );
      const a = await store.getService('component:default/a');
      expect(a).toMatchObject({
        cycle: ['component:default/b'],
        sharedDatastores: [shared],
        nextLevel: { level: 'gold', missingChecks: ['devops.on-call'] },
        warnings: ['`spec.dependOn` is not a field Backstage reads'],
        upstream: [{ entityRef: 'component:default/legacy', exists: false }],
      });
      const b = await store.getService('component:default/b');
      expect(b?.cycle).toBeUndefined();
      expect(b?.nextLevel).toBeUndefined();
      expect(b?.sharedDatastores).toEqual([]);
    });

    it('applies retention by age and by count', async () => {
      const { store } = await createStore(databaseId);
      for (let day = 1; day <= 5; day++) {
        const at = `2026-11-0${day}T00:00:00.000Z`;
        await store.saveRun(
          run([service('a', { score: day * 10, evaluatedAt: at })], at),
        );
      }
      const now = new Date('2026-11-06T00:00:00.000Z');
      const { deleted } = await store.applyRetention(
        { maxAgeDays: 3, maxEntriesPerService: 2 },
        now,
      );
      expect(deleted).toBe(3);
      const history = await store.getHistory('component:default/a', {
        limit: 100,
      });
      expect(history.map(h => h.score)).toEqual([40, 50]);
    });

    it('writes a large run in chunks', async () => {
      const { store } = await createStore(databaseId);
      const many = Array.from({ length: 1500 }, (_, i) => service(`svc-${i}`));
      await store.saveRun(run(many));
      expect((await store.listServices({ limit: 10 })).totalCount).toBe(1500);
      const page = await store.listServices({
        offset: 1490,
        limit: 20,
        orderBy: 'name',
      });
      expect(page.items).toHaveLength(10);
      expect(page.totalCount).toBe(1500);
    });
  },
);
