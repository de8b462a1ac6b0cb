import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { readGlobalSchedule } from '../config/readGlobalSchedule';
import { parseAllowedRanges, validateAllowedHost } from './addressPolicy';

/** `microservices.health`, read and checked once at start-up. */
export interface HealthConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Per probe (DNS, connect, headers and body). */
  timeoutMs: number;
  /** Probes in flight at most. */
  concurrency: number;
  /** A healthy answer slower than this is degraded. */
  degradedLatencyMs: number;
  allowedHosts: string[];
  allowedRanges: string[];
  retention: { maxAgeDays: number };
}

export const DEFAULT_HEALTH_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 10 },
  scope: 'global',
};

export const HEALTH_DEFAULTS = {
  timeoutMs: 5000,
  concurrency: 10,
  degradedLatencyMs: 1000,
  retentionDays: 14,
};

const KEY = 'microservices.health';

function invalid(key: string, message: string): never {
  throw new Error(`Invalid config at ${KEY}.${key}: ${message}`);
}

function readMs(config: Config, key: string, fallback: number): number {
  if (!config.has(key)) return fallback;
  const value = config.get(key);
  let ms: number;
  try {
    ms =
      typeof value === 'number'
        ? value
        : durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (e) {
    return invalid(
      key,
      `expected a duration such as { seconds: 5 }, '5s' or a number of milliseconds (${
        (e as Error).message
      })`,
    );
  }
  if (!Number.isFinite(ms) || ms <= 0)
    invalid(key, `expected a positive duration, got ${JSON.stringify(value)}`);
  return ms;
}

function readInteger(
  config: Config,
  key: string,
  fallback: number,
  max: number,
): number {
  if (!config.has(key)) return fallback;
  const value = config.get(key);
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > max
  ) {
    invalid(
      key,
      `expected a whole number from 1 to ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return value as number;
}

function readStrings(
  config: Config,
  key: string,
  check: (s: string) => void,
): string[] {
  if (!config.has(key)) return [];
  const value = config.get(key);
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    invalid(key, `expected a list of strings, got ${JSON.stringify(value)}`);
  }
  const list = value as string[];
  for (const entry of list) {
    try {
      check(entry);
    } catch (e) {
      invalid(key, (e as Error).message);
    }
  }
  return list.map(s => s.trim());
}

/** Reads `microservices.health`; throws naming the key on a bad value. */
export function readHealthConfig(root: Config): HealthConfig {
  const config = root.getOptionalConfig(KEY) ?? new ConfigReader({});

  // Global scope: several replicas share the database, so they probe once across them.
  const schedule = readGlobalSchedule(
    config.getOptionalConfig('schedule'),
    `${KEY}.schedule`,
    DEFAULT_HEALTH_SCHEDULE,
  );

  const allowedRanges = readStrings(config, 'allowedRanges', r =>
    parseAllowedRanges([r]),
  );
  return {
    schedule,
    timeoutMs: readMs(config, 'timeout', HEALTH_DEFAULTS.timeoutMs),
    concurrency: readInteger(
      config,
      'concurrency',
      HEALTH_DEFAULTS.concurrency,
      1000,
    ),
    degradedLatencyMs: readMs(
      config,
      'degradedLatency',
      HEALTH_DEFAULTS.degradedLatencyMs,
    ),
    allowedHosts: readStrings(config, 'allowedHosts', validateAllowedHost),
    allowedRanges,
    retention: {
      maxAgeDays: readInteger(
        config,
        'retention.maxAgeDays',
        HEALTH_DEFAULTS.retentionDays,
        3650,
      ),
    },
  };
}
