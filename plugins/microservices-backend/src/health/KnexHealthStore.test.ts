import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { migratedStore, testDatabases } from '../__testUtils__/migratedStore';
import type { HealthRecord } from './HealthStore';

jest.setTimeout(60_000);

const databases = testDatabases();

async function createStore(id: TestDatabaseId) {
  return (await migratedStore(await databases.init(id))).healthStore;
}

const record = (
  name: string,
  checkedAt: string,
  overrides: Partial<HealthRecord> = {},
): HealthRecord => ({
  entityRef: `component:default/${name}`,
  status: 'healthy',
  checkedAt,
  latencyMs: 12,
  httpStatus: 200,
  message: 'HTTP 200',
  source: 'http',
  ...overrides,
});

const hoursAgo = (now: Date, h: number) =>
  new Date(now.getTime() - h * 3600_000).toISOString();

describe.each(databases.eachSupportedId())('KnexHealthStore on %p', id => {
  it('keeps the latest round and the history, and computes uptime from it', async () => {
    const store = await createStore(id);
    const now = new Date('2026-12-02T12:00:00.000Z');
    // 30 h ago down, then up; 3 days ago down; an unknown does not count.
    await store.saveRound([
      record('orders', hoursAgo(now, 72), {
        status: 'unhealthy',
        httpStatus: 500,
      }),
      record('gone', hoursAgo(now, 72)),
    ]);
    await store.saveRound([
      record('orders', hoursAgo(now, 30), { status: 'unhealthy' }),
    ]);
    await store.saveRound([record('orders', hoursAgo(now, 20))]);
    await store.saveRound([
      record('orders', hoursAgo(now, 10), { status: 'degraded' }),
    ]);
    await store.saveRound([
      record('orders', hoursAgo(now, 5), {
        status: 'unknown',
        latencyMs: undefined,
        httpStatus: undefined,
        message: 'refused: x',
      }),
    ]);
    await store.saveRound([record('Orders', hoursAgo(now, 1))]);

    const latest = await store.getLatest();
    expect([...latest.keys()]).toEqual(['component:default/orders']);
    expect(latest.get('component:default/orders')).toEqual({
      status: 'healthy',
      checkedAt: hoursAgo(now, 1),
      latencyMs: 12,
      httpStatus: 200,
      message: 'HTTP 200',
    });
    expect((await store.getLatest(['component:default/nope'])).size).toBe(0);

    const history = await store.getHistory('component:default/orders', {
      limit: 10,
    });
    expect(history.map(p => p.status)).toEqual([
      'unhealthy',
      'unhealthy',
      'healthy',
      'degraded',
      'unknown',
      'healthy',
    ]);
    expect(history[4]).toEqual({
      status: 'unknown',
      checkedAt: hoursAgo(now, 5),
      message: 'refused: x',
    });
    expect(
      await store.getHistory('component:default/orders', { limit: 2 }),
    ).toHaveLength(2);

    expect(
      await store.getUptime('component:default/orders', hoursAgo(now, 24)),
    ).toBe(1);
    expect(
      await store.getUptime('component:default/orders', hoursAgo(now, 24 * 7)),
    ).toBe(3 / 5);
    expect(
      await store.getUptime('component:default/none', hoursAgo(now, 24)),
    ).toBeNull();

    // Transient health (no endpoint, refused URL) is the latest, never history.
    await store.saveRound([
      record('orders', hoursAgo(now, 1)),
      record('legacy', hoursAgo(now, 1), {
        status: 'unknown',
        source: 'none',
        transient: true,
      }),
    ]);
    expect(
      (await store.getLatest()).get('component:default/legacy')?.status,
    ).toBe('unknown');
    expect(
      await store.getHistory('component:default/legacy', { limit: 10 }),
    ).toEqual([]);
    expect(
      await store.getHistory('component:default/orders', { limit: 10 }),
    ).toHaveLength(7);

    expect(await store.applyRetention({ maxAgeDays: 2 }, now)).toEqual({
      deleted: 2,
    });
    expect(
      await store.getHistory('component:default/orders', { limit: 10 }),
    ).toHaveLength(6);
  });
});
