import type {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { HealthSource } from '@microservices-backstage/plugin-microservices-node';
import type { Knex } from 'knex';
import { HealthService } from './HealthService';
import { HttpHealthProber } from './HttpHealthProber';
import { KnexHealthStore } from './KnexHealthStore';
import type { HealthConfig } from './readHealthConfig';

/** The scheduled task that probes every service: once across replicas. */
export const HEALTH_TASK_ID = 'microservices-health-probe';

/** Builds the health service and schedules its probe rounds. */
export async function createHealthService(options: {
  db: Knex;
  config: HealthConfig;
  sources: HealthSource[];
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  scheduler: SchedulerService;
}): Promise<HealthService> {
  const { config, logger } = options;
  const health = new HealthService({
    store: new KnexHealthStore(options.db),
    prober: new HttpHealthProber({
      timeoutMs: config.timeoutMs,
      degradedLatencyMs: config.degradedLatencyMs,
      allowedHosts: config.allowedHosts,
      allowedRanges: config.allowedRanges,
    }),
    sources: options.sources,
    catalog: options.catalog,
    auth: options.auth,
    logger,
    concurrency: config.concurrency,
    retention: config.retention,
  });
  if (config.allowedHosts.length === 0 && options.sources.length === 0) {
    logger.info(
      'Health probing: microservices.health.allowedHosts is empty, so no endpoint is probed (services show unknown).',
    );
  }
  await options.scheduler.scheduleTask({
    id: HEALTH_TASK_ID,
    ...config.schedule,
    fn: async signal => {
      await health.runRound(signal);
    },
  });
  return health;
}
