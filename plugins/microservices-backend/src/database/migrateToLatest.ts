import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/**
 * What another process migrating the same database at the same moment makes knex throw:
 * the migration lock held, or its bookkeeping tables created under it (replicas starting
 * together on a fresh database; seen in every one of six tries on PostgreSQL).
 */
function isConcurrentMigration(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'MigrationLocked' ||
    /already locked|already exists|duplicate key/i.test(error.message)
  );
}

export interface MigrateOptions {
  directory: string;
  logger?: LoggerService;
  /** How long to keep trying while another process migrates; 2 minutes by default. */
  maxWaitMs?: number;
  retryIntervalMs?: number;
}

/**
 * `knex.migrate.latest`, waiting for a replica that migrates the same database at the same
 * time instead of failing the plugin's start. Other errors are thrown at once.
 */
export async function migrateToLatest(
  db: Knex,
  {
    directory,
    logger,
    maxWaitMs = 120_000,
    retryIntervalMs = 1_000,
  }: MigrateOptions,
): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await db.migrate.latest({ directory });
      return;
    } catch (error) {
      if (!isConcurrentMigration(error) || Date.now() >= deadline) {
        throw error;
      }
      logger?.info(
        `Another process is migrating the database (${
          (error as Error).message
        }); trying again in ${retryIntervalMs} ms (attempt ${attempt})`,
      );
      await new Promise(resolve => setTimeout(resolve, retryIntervalMs));
    }
  }
}
