import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  EngineConfig,
  resolveEngineConfig,
} from '@microservices-backstage/plugin-microservices-common';
import type { HistoryRetention } from '../database/MicroservicesStore';
import { readGlobalSchedule } from './readGlobalSchedule';
import { HealthConfig, readHealthConfig } from '../health/readHealthConfig';

export interface PluginConfig {
  engine: EngineConfig;
  schedule: SchedulerServiceTaskScheduleDefinition;
  history: HistoryRetention;
  /** `microservices.health`: live health probing. */
  health: HealthConfig;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
  scope: 'global',
};

const DEFAULT_HISTORY: HistoryRetention = {
  maxAgeDays: 180,
  maxEntriesPerService: 1000,
};

function readPositiveInteger(config: Config | undefined, key: string, fallback: number) {
  const value = config?.getOptional(key);
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(
      `Invalid config at microservices.history.${key}: expected a positive integer, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Reads everything the plugin takes from `microservices:`, once, at start-up. */
export function readPluginConfig(
  config: Config,
  extraCheckIds: string[] = [],
): PluginConfig {
  const section = config.getOptionalConfig('microservices');
  const engine = resolveEngineConfig(section?.get() ?? {}, extraCheckIds);

  const schedule = readGlobalSchedule(
    section?.getOptionalConfig('schedule'),
    'microservices.schedule',
    DEFAULT_SCHEDULE,
  );

  const historyConfig = section?.getOptionalConfig('history');
  const history: HistoryRetention = {
    maxAgeDays: readPositiveInteger(historyConfig, 'maxAgeDays', DEFAULT_HISTORY.maxAgeDays),
    maxEntriesPerService: readPositiveInteger(
      historyConfig,
      'maxEntriesPerService',
      DEFAULT_HISTORY.maxEntriesPerService,
    ),
  };
  return { engine, schedule, history, health: readHealthConfig(config) };
}
