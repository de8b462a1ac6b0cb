import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  HEALTH_ENDPOINT_ANNOTATION,
  HEALTH_STATUSES,
  HealthStatus,
  ServiceHealth,
  ServiceHealthHistory,
} from '@microservices-backstage/plugin-microservices-common';
import type {
  HealthSource,
  HealthSourceTarget,
} from '@microservices-backstage/plugin-microservices-node';
import { queryAllEntities } from '../service/queryAllEntities';
import type { HealthRecord, HealthStore } from './HealthStore';
import type { HttpHealthProber } from './HttpHealthProber';

/** Served before the first round has stored anything for a service. */
export const NOT_PROBED_YET: ServiceHealth = {
  status: 'unknown',
  message: 'not probed yet',
};

const NO_ENDPOINT_MESSAGE = `no health endpoint declared (${HEALTH_ENDPOINT_ANNOTATION})`;
/** Source id of services with neither an endpoint nor a custom source: not kept in history. */
export const NO_SOURCE = 'none';
const FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** Only the fields of a health, with the types the store expects (a source may send anything). */
function sanitize(health: ServiceHealth): ServiceHealth {
  const finite = (n: unknown) =>
    typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
  const latencyMs = finite(health.latencyMs);
  const httpStatus = finite(health.httpStatus);
  return {
    status: health.status,
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(httpStatus !== undefined ? { httpStatus: Math.round(httpStatus) } : {}),
    ...(typeof health.message === 'string' ? { message: health.message } : {}),
  };
}

function validTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** The promise, or a rejection once the round is aborted (its task timed out). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('the round was aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('the round was aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Sort rank of `orderBy=health` ascending: worst first, healthy last. */
export const HEALTH_SORT_RANK: Record<HealthStatus, number> = {
  unhealthy: 0,
  degraded: 1,
  unknown: 2,
  healthy: 3,
};

export interface HealthRoundResult {
  services: number;
  probed: number;
  reported: number;
  durationMs: number;
  counts: Record<HealthStatus, number>;
}

/**
 * Live health: one probe round over every service (custom sources first, then the HTTP
 * prober for the rest), its storage, and the one place where health is merged into what the
 * API serves.
 */
export class HealthService {
  private running?: Promise<HealthRoundResult>;

  constructor(
    private readonly options: {
      store: HealthStore;
      prober: HttpHealthProber;
      sources: HealthSource[];
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      concurrency: number;
      retention: { maxAgeDays: number };
    },
  ) {}

  /** One round; concurrent calls share it. */
  runRound(signal?: AbortSignal): Promise<HealthRoundResult> {
    const running =
      this.running ??
      this.round(signal ?? new AbortController().signal).finally(() => {
        this.running = undefined;
      });
    this.running = running;
    return running;
  }

  private async round(signal: AbortSignal): Promise<HealthRoundResult> {
    const { store, prober, sources, logger, concurrency } = this.options;
    const started = Date.now();
    const roundAt = new Date(started).toISOString();
    const targets = await this.readServices();
    const records = new Map<string, HealthRecord>();

    let reported = 0;
    for (const source of sources) {
      const open = targets.filter(t => !records.has(t.entityRef));
      if (open.length === 0 || signal.aborted) break;
      try {
        const results = await untilAborted(
          source.probe(open, { signal }),
          signal,
        );
        const asked = new Set(open.map(t => t.entityRef));
        for (const [ref, health] of results) {
          const key = String(ref).toLocaleLowerCase('en-US');
          if (!asked.has(key) || !HEALTH_STATUSES.includes(health?.status))
            continue;
          records.set(key, {
            ...sanitize(health),
            entityRef: key,
            checkedAt: validTime(health.checkedAt) ?? roundAt,
            source: source.id,
          });
          reported++;
        }
      } catch (e) {
        logger.warn(
          `Health source ${source.id} failed: ${(e as Error).message}`,
        );
      }
    }

    const toProbe: Array<{ ref: string; url: string }> = [];
    for (const target of targets) {
      if (records.has(target.entityRef)) continue;
      const url =
        target.entity.metadata.annotations?.[HEALTH_ENDPOINT_ANNOTATION];
      if (url === undefined) {
        records.set(target.entityRef, {
          entityRef: target.entityRef,
          status: 'unknown',
          checkedAt: roundAt,
          message: NO_ENDPOINT_MESSAGE,
          source: NO_SOURCE,
          transient: true,
        });
      } else {
        toProbe.push({ ref: target.entityRef, url: String(url) });
      }
    }
    const probed = await prober.probeAll(
      toProbe.map(p => p.url),
      concurrency,
    );
    toProbe.forEach(({ ref }, i) => {
      records.set(ref, {
        ...probed[i],
        entityRef: ref,
        checkedAt: probed[i].checkedAt ?? roundAt,
        source: 'http',
        // The prober answers unknown only for a URL it refused without connecting.
        transient: probed[i].status === 'unknown',
      });
    });

    const all = [...records.values()];
    await store.saveRound(all);
    await store.applyRetention(this.options.retention, new Date());
    const counts = Object.fromEntries(
      HEALTH_STATUSES.map(s => [s, 0]),
    ) as Record<HealthStatus, number>;
    for (const r of all) counts[r.status]++;
    const result = {
      services: targets.length,
      probed: toProbe.length,
      reported,
      durationMs: Date.now() - started,
      counts,
    };
    logger.info(
      `Health round: ${result.services} services, ${result.probed} probed, ${
        result.reported
      } reported by sources in ${result.durationMs} ms (${HEALTH_STATUSES.map(
        s => `${counts[s]} ${s}`,
      ).join(', ')})`,
    );
    return result;
  }

  /** Adds the latest health to each item: the one place health is merged into responses. */
  async withHealth<T extends { entityRef: string }>(
    items: T[],
  ): Promise<Array<T & { health: ServiceHealth }>> {
    if (items.length === 0) return [];
    const latest = await this.options.store.getLatest(
      items.length > 1000 ? undefined : items.map(i => i.entityRef),
    );
    return items.map(item => ({
      ...item,
      health:
        latest.get(item.entityRef.toLocaleLowerCase('en-US')) ?? NOT_PROBED_YET,
    }));
  }

  /** Changes whenever the latest health changes (a round was stored): for caches. */
  version(): Promise<string> {
    return this.options.store.getLatestVersion();
  }

  /** Current health, uptime over 24 h and 7 d, and the newest `limit` points. */
  async history(
    entityRef: string,
    options: { limit: number; since?: string },
    now = new Date(),
  ): Promise<ServiceHealthHistory> {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const { store } = this.options;
    const [latest, uptime24h, uptime7d, points] = await Promise.all([
      store.getLatest([ref]),
      store.getUptime(ref, new Date(now.getTime() - DAY_MS).toISOString()),
      store.getUptime(ref, new Date(now.getTime() - 7 * DAY_MS).toISOString()),
      store.getHistory(ref, options),
    ]);
    return {
      entityRef: ref,
      current: latest.get(ref) ?? NOT_PROBED_YET,
      uptime24h,
      uptime7d,
      points,
    };
  }

  /** Every service of the catalog with its annotations, read with the plugin's credentials. */
  private async readServices(): Promise<HealthSourceTarget[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entities = await queryAllEntities(
      this.options.catalog,
      { filter: { kind: 'Component', 'spec.type': 'service' }, fields: FIELDS },
      credentials,
    );
    return entities.map(entity => ({
      entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      entity,
    }));
  }
}
