import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  EngineConfig,
  resolveEngineConfig,
} from '@microservices-backstage/plugin-microservices-common';
import type { HistoryRetention } from '../database/MicroservicesStore';
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

  const scheduleConfig = section?.getOptionalConfig('schedule');
  let schedule = DEFAULT_SCHEDULE;
  if (scheduleConfig) {
    // Any key left out keeps its default; the reader itself requires frequency and timeout.
    const merged = new ConfigReader({
      frequency: DEFAULT_SCHEDULE.frequency,
      timeout: DEFAULT_SCHEDULE.timeout,
      initialDelay: DEFAULT_SCHEDULE.initialDelay,
      ...scheduleConfig.get<JsonObject>(),
    } as JsonObject);
    try {
      schedule = {
        ...readSchedulerServiceTaskScheduleDefinitionFromConfig(merged),
        // Several replicas share the database: run once across them.
        scope: 'global',
      };
    } catch (e) {
      throw new Error(`Invalid config at microservices.schedule: ${(e as Error).message}`);
    }
  }

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
