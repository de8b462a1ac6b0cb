/*
 * Replicas starting together on a fresh database: knex's own migration bookkeeping races
 * (both create `knex_migrations`), so one start used to fail. migrateToLatest waits instead.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { migrateToLatest } from './migrateToLatest';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15'],
  disableDocker: true,
});

const directory = resolvePackagePath(
  '@microservices-backstage/plugin-microservices-backend',
  'migrations',
);

describe('migrateToLatest', () => {
  it.each(databases.eachSupportedId())(
    'lets two processes migrate a fresh database at once, on %p',
    async databaseId => {
      // Plain `db.migrate.latest` twice at once failed one of the two in 6 of 6 tries here.
      const fresh = await databases.init(databaseId);
      await Promise.all([
        migrateToLatest(fresh, { directory, retryIntervalMs: 50 }),
        migrateToLatest(fresh, { directory, retryIntervalMs: 50 }),
        migrateToLatest(fresh, { directory, retryIntervalMs: 50 }),
      ]);
      const [completed] = await fresh.migrate.list({ directory });
      expect(completed.length).toBeGreaterThan(0);
      const [, pending] = await fresh.migrate.list({ directory });
      expect(pending).toEqual([]);
      expect(await fresh.schema.hasTable('microservices_runs')).toBe(true);
    },
  );

  it('throws other errors at once', async () => {
    const failing = {
      migrate: {
        latest: jest.fn(async () => {
          throw new Error('syntax error at or near "tabel"');
        }),
      },
    };
    await expect(
      migrateToLatest(failing as any, { directory, retryIntervalMs: 1 }),
    ).rejects.toThrow('syntax error');
    expect(failing.migrate.latest).toHaveBeenCalledTimes(1);
  });

  it('gives up after its time with the last error', async () => {
    const locked = Object.assign(
      new Error('Migration table is already locked'),
      {
        name: 'MigrationLocked',
      },
    );
    const failing = {
      migrate: {
        latest: jest.fn(async () => {
          throw locked;
        }),
      },
    };
    await expect(
      migrateToLatest(failing as any, {
        directory,
        maxWaitMs: 100,
        retryIntervalMs: 10,
      }),
    ).rejects.toBe(locked);
    expect(failing.migrate.latest.mock.calls.length).toBeGreaterThan(1);
  });
});
