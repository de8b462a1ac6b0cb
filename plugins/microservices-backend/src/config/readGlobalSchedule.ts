import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';

/**
 * A task schedule from config (`frequency`, `timeout`, `initialDelay`), each key left out
 * keeping its default, with global scope: several replicas share the database, so the task
 * runs once across them. Throws `Invalid config at <key>: ...` on a bad value.
 */
export function readGlobalSchedule(
  config: Config | undefined,
  key: string,
  defaults: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  if (!config) return defaults;
  // The reader itself requires frequency and timeout: merge over the defaults first.
  const merged = new ConfigReader({
    frequency: defaults.frequency,
    timeout: defaults.timeout,
    initialDelay: defaults.initialDelay,
    ...config.get<JsonObject>(),
  } as JsonObject);
  try {
    return {
      ...readSchedulerServiceTaskScheduleDefinitionFromConfig(merged),
      scope: 'global',
    };
  } catch (e) {
    throw new Error(`Invalid config at ${key}: ${(e as Error).message}`);
  }
}
