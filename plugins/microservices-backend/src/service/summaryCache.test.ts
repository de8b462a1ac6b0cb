/*
 * GET /summary is built once per version of its inputs (issue 11: every request parsed every
 * service's checks): a new run, a new health round or another visible set builds it anew.
 */
import { mockServices } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import {
  evaluatedService,
  evaluationRun,
  migratedStore,
  sqliteInMemory,
} from '../__testUtils__/migratedStore';
import { HealthService } from '../health/HealthService';
import { MicroservicesService } from './MicroservicesService';

const service = (name: string, score: number) =>
  evaluatedService(name, {
    score,
    level: score >= 80 ? 'silver' : 'bronze',
    checks: [
      {
        id: 'devops.owned-by-team',
        principle: 'devops',
        status: score >= 80 ? 'pass' : 'fail',
      } as any,
    ],
  });

describe('MicroservicesService.getSummary', () => {
  let db: Knex;
  afterEach(() => db?.destroy());

  it('builds the summary once per run, health round and visible set', async () => {
    db = sqliteInMemory();
    const { store, healthStore } = await migratedStore(db);
    const listChecks = jest.spyOn(store, 'listChecks');
    const caller: { visible?: Set<string> } = {};
    const microservices = new MicroservicesService({
      store,
      catalog: { visibleServiceRefs: async () => caller.visible } as any,
      evaluator: {
        levelOrder: () => ['gold', 'silver', 'bronze', 'none'],
      } as any,
      logger: mockServices.logger.mock(),
      health: new HealthService({ store: healthStore } as any),
      // Every request asks for the versions: the writes below are seen at once.
      resultsCheckIntervalMs: 0,
    });
    const credentials = {} as any;

    await store.saveRun(
      evaluationRun('2026-12-02T10:00:00.000Z', [
        service('a', 90),
        service('b', 50),
      ]),
    );
    const first = await microservices.getSummary(credentials);
    expect(first).toMatchObject({ serviceCount: 2, averageScore: 70 });
    expect(await microservices.getSummary(credentials)).toEqual(first);
    expect(listChecks).toHaveBeenCalledTimes(1);

    // A new run: new scores.
    await store.saveRun(
      evaluationRun('2026-12-02T10:05:00.000Z', [
        service('a', 90),
        service('b', 70),
      ]),
    );
    expect(await microservices.getSummary(credentials)).toMatchObject({
      averageScore: 80,
    });
    expect(listChecks).toHaveBeenCalledTimes(2);

    // A health round: new health counts.
    await healthStore.saveRound([
      {
        entityRef: 'component:default/a',
        status: 'unhealthy',
        checkedAt: '2026-12-02T10:06:00.000Z',
        source: 'http',
      },
    ]);
    const withHealth = await microservices.getSummary(credentials);
    expect(withHealth.health).toEqual(
      expect.arrayContaining([
        { status: 'unhealthy', count: 1 },
        { status: 'unknown', count: 1 },
      ]),
    );
    expect(listChecks).toHaveBeenCalledTimes(3);

    // Another visible set: only what it shows.
    caller.visible = new Set(['component:default/b']);
    expect(await microservices.getSummary(credentials)).toMatchObject({
      serviceCount: 1,
      averageScore: 70,
    });
    expect(await microservices.getSummary(credentials)).toMatchObject({
      serviceCount: 1,
    });
    expect(listChecks).toHaveBeenCalledTimes(4);

    // A failed run after it: the same summary, marked stale (the status is read every time).
    await store.recordFailedRun({
      startedAt: '2026-12-02T10:10:00.000Z',
      finishedAt: '2026-12-02T10:10:01.000Z',
      error: 'catalog unavailable',
    });
    expect(await microservices.getSummary(credentials)).toMatchObject({
      serviceCount: 1,
      stale: true,
    });
    expect(listChecks).toHaveBeenCalledTimes(4);
  });
});
