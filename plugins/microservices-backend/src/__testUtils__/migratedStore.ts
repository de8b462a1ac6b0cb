/*
 * What the storage tests share: a database with our migrations applied and the stores on it,
 * and the service evaluations and runs they write. Each test keeps its own values; these are
 * only the defaults every one of them repeated.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { KnexHealthStore } from '../health/KnexHealthStore';
import { KnexMicroservicesStore } from '../database/KnexMicroservicesStore';
import type {
  EvaluatedService,
  EvaluationRunRecord,
} from '../database/MicroservicesStore';

/**
 * The databases of the storage tests: PostgreSQL 15 where one is given
 * (BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, as `npm test` does), SQLite always;
 * never docker. Call it at the top of a test file: it registers the clean-up.
 */
export function testDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
    disableDocker: true,
  });
}

/** A private in-memory SQLite, for tests that need no other database; the test destroys it. */
export function sqliteInMemory(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
}

export type MigratedStore = {
  knex: Knex;
  store: KnexMicroservicesStore;
  healthStore: KnexHealthStore;
};

/**
 * `knex` (e.g. `await databases.init(id)` or `sqliteInMemory()`) with the plugin's migrations
 * applied, and the results and health stores on it.
 */
export async function migratedStore(knex: Knex): Promise<MigratedStore> {
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@microservices-backstage/plugin-microservices-backend',
      'migrations',
    ),
  });
  return {
    knex,
    store: new KnexMicroservicesStore(knex),
    healthStore: new KnexHealthStore(knex),
  };
}

/** A service's evaluation as the store keeps it: `component:default/<name>`, no findings. */
export function evaluatedService(
  name: string,
  overrides: Partial<EvaluatedService> = {},
): EvaluatedService {
  return {
    entityRef: `component:default/${name}`,
    namespace: 'default',
    name,
    score: 80,
    level: 'silver',
    failingPrinciples: [],
    failingChecks: [],
    dependencyCount: 0,
    dependentCount: 0,
    evaluatedAt: '2026-12-02T10:00:00.000Z',
    checks: [],
    upstream: [],
    downstream: [],
    sharedDatastores: [],
    warnings: [],
    ...overrides,
  };
}

/** A successful run started at `at` and finished a second later, without cycles. */
export function evaluationRun(
  at: string,
  services: EvaluatedService[],
  overrides: Partial<EvaluationRunRecord> = {},
): EvaluationRunRecord {
  return {
    startedAt: at,
    finishedAt: new Date(Date.parse(at) + 1000).toISOString(),
    services,
    cycles: [],
    sharedDatastores: [],
    ...overrides,
  };
}
