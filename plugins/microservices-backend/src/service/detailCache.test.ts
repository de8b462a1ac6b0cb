/*
 * GET /services/:namespace/:name and GET /summary send bodies serialized once per snapshot of
 * the latest results (issue 11): the detail is read and serialized once for every caller who
 * may see it, and never shown to one who may not.
 */
import type { Knex } from 'knex';
import {
  evaluatedService,
  evaluationRun,
  migratedStore,
  sqliteInMemory,
} from '../__testUtils__/migratedStore';
import type { EvaluatedService } from '../database/MicroservicesStore';
import { HealthService } from '../health/HealthService';
import { MicroservicesService } from './MicroservicesService';

const service = (name: string, score: number) =>
  evaluatedService(name, { score, level: 'bronze' });

const run = (at: string, services: EvaluatedService[]) =>
  evaluationRun(
    at,
    services.map(s => ({ ...s, evaluatedAt: at })),
  );

const parse = (body?: { bytes: Buffer }) =>
  body && JSON.parse(body.bytes.toString('utf8'));

describe('serialized detail and summary', () => {
  let db: Knex;
  afterEach(() => db?.destroy());

  async function setUp() {
    db = sqliteInMemory();
    const { store, healthStore } = await migratedStore(db);
    const hidden = 'component:default/secret';
    const microservices = new MicroservicesService({
      store,
      catalog: {
        visibleServiceRefs: async () => undefined,
        // Users see everything but the secret service; the plugin itself sees it too.
        isVisible: async (ref: string, credentials: { user?: boolean }) =>
          !(credentials.user && ref === hidden),
      } as any,
      evaluator: {
        levelOrder: () => ['bronze'],
        run: async () => ({}),
      } as any,
      logger: { info() {}, warn() {}, error() {} } as any,
      health: new HealthService({ store: healthStore } as any),
      resultsCheckIntervalMs: 60_000,
    });
    return { store, healthStore, microservices };
  }

  it('reads a detail once per snapshot, for every caller who may see it only', async () => {
    const { store, microservices } = await setUp();
    await store.saveRun(
      run('2026-12-02T10:00:00.000Z', [
        service('orders', 40),
        service('secret', 90),
      ]),
    );
    const getService = jest.spyOn(store, 'getService');
    const admin = {} as any;
    const user = { user: true } as any;

    const first = await microservices.getServiceBody(
      'component:default/orders',
      admin,
    );
    expect(parse(first)).toEqual(
      await microservices.getService('component:default/orders', admin),
    );
    expect(parse(first)).toMatchObject({
      score: 40,
      health: { status: 'unknown' },
    });
    getService.mockClear();
    expect(
      await microservices.getServiceBody('component:default/ORDERS', user),
    ).toBe(first);
    expect(getService).not.toHaveBeenCalled();

    // Read for a caller who may see it, kept: still hidden from one who may not.
    expect(
      parse(
        await microservices.getServiceBody('component:default/secret', admin),
      ),
    ).toMatchObject({ score: 90 });
    expect(
      await microservices.getServiceBody('component:default/secret', user),
    ).toBeUndefined();
    expect(
      await microservices.getServiceBody('component:default/nope', admin),
    ).toBeUndefined();

    // This replica's run: the new result at once.
    await store.saveRun(
      run('2026-12-02T10:05:00.000Z', [service('orders', 70)]),
    );
    await microservices.evaluateNow();
    expect(
      parse(
        await microservices.getServiceBody('component:default/orders', user),
      ),
    ).toMatchObject({ score: 70, evaluatedAt: '2026-12-02T10:05:00.000Z' });
    expect(
      await microservices.getServiceBody('component:default/secret', admin),
    ).toBeUndefined();
  });

  it('serializes the summary once, fresh and stale apart', async () => {
    const { store, microservices } = await setUp();
    await store.saveRun(
      run('2026-12-02T10:00:00.000Z', [service('orders', 40)]),
    );
    const credentials = {} as any;
    const fresh = await microservices.getSummaryBody(credentials);
    expect(await microservices.getSummaryBody(credentials)).toBe(fresh);
    expect(parse(fresh)).toEqual(
      JSON.parse(JSON.stringify(await microservices.getSummary(credentials))),
    );
    expect(parse(fresh).stale).toBeUndefined();

    await store.recordFailedRun({
      startedAt: '2026-12-02T10:10:00.000Z',
      finishedAt: '2026-12-02T10:10:01.000Z',
      error: 'catalog unavailable',
    });
    await microservices.evaluateNow();
    const stale = await microservices.getSummaryBody(credentials);
    expect(parse(stale)).toMatchObject({ serviceCount: 1, stale: true });
    expect(stale.etag).not.toBe(fresh.etag);
  });
});
