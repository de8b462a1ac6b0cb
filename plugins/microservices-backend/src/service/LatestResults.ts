import type { ServiceHealth } from '@microservices-backstage/plugin-microservices-common';
import type {
  MicroservicesStore,
  StoredServiceSummary,
} from '../database/MicroservicesStore';
import type { HealthService } from '../health/HealthService';
import { LatestResultsSnapshot } from './LatestResultsSnapshot';

/**
 * How often the database is asked whether the results, the health or the run status
 * changed (a run or a health round of another replica): a replica serves what it holds for at
 * most this long after another one wrote. Its own runs count at once (see `invalidate`).
 */
export const LATEST_RESULTS_CHECK_MS = 1_000;

/** Served when health probing is not set up. */
const NO_HEALTH: ServiceHealth = { status: 'unknown' };

/**
 * Keeps the latest run's results and health in memory as a {@link LatestResultsSnapshot}, so
 * that a page of `GET /services` costs no query: the versions are read at most every
 * `checkIntervalMs`, and the results (or the health) are read again only when theirs changed.
 * One snapshot is held at a time.
 */
export class LatestResults {
  private snapshot?: LatestResultsSnapshot;
  private loaded?: {
    resultsVersion: string;
    services: StoredServiceSummary[];
    healthVersion: string;
    health: ServiceHealth[];
  };
  private checkedAt = -Infinity;
  private checking?: Promise<LatestResultsSnapshot>;
  /** Bumped by `invalidate`: a check started before it does not count after it. */
  private generation = 0;

  constructor(
    private readonly options: {
      store: MicroservicesStore;
      health?: HealthService;
      checkIntervalMs?: number;
      /** The clock; tests pass their own. */
      now?: () => number;
    },
  ) {}

  /** The latest results as of at most `checkIntervalMs` ago; concurrent callers share a check. */
  current(): Promise<LatestResultsSnapshot> {
    const now = (this.options.now ?? Date.now)();
    const interval = this.options.checkIntervalMs ?? LATEST_RESULTS_CHECK_MS;
    if (this.snapshot && now - this.checkedAt < interval) {
      return Promise.resolve(this.snapshot);
    }
    if (!this.checking) {
      const generation = this.generation;
      const checking = this.check()
        .then(snapshot => {
          if (generation === this.generation) {
            this.snapshot = snapshot;
            this.checkedAt = now;
          }
          return snapshot;
        })
        .finally(() => {
          if (this.checking === checking) this.checking = undefined;
        });
      this.checking = checking;
    }
    return this.checking;
  }

  /** This replica wrote a run: the next caller reads the versions again. */
  invalidate(): void {
    this.generation++;
    this.checking = undefined;
    this.checkedAt = -Infinity;
  }

  /**
   * Versions first, then what changed: a run stored in between is read with the older version
   * and read again at the next check (never the reverse, which would keep it stale).
   */
  private async check(): Promise<LatestResultsSnapshot> {
    const { store, health } = this.options;
    const [resultsVersion, runStatus, healthVersion] = await Promise.all([
      store.getResultsVersion(),
      store.getRunStatus(),
      health ? health.version() : Promise.resolve('none'),
    ]);
    const loaded = this.loaded;
    const services =
      loaded?.resultsVersion === resultsVersion
        ? loaded.services
        : await store.listServiceSummaries();
    const healthCurrent =
      loaded?.services === services && loaded.healthVersion === healthVersion;
    const serviceHealth = healthCurrent
      ? loaded!.health
      : await this.readHealth(services);
    const version = `${resultsVersion}\n${healthVersion}`;
    const previous = this.snapshot;
    if (
      previous?.version === version &&
      JSON.stringify(previous.runStatus) === JSON.stringify(runStatus)
    ) {
      return previous;
    }
    this.loaded = {
      resultsVersion,
      services,
      healthVersion,
      health: serviceHealth,
    };
    return new LatestResultsSnapshot(
      version,
      services,
      serviceHealth,
      runStatus,
    );
  }

  private async readHealth(
    services: StoredServiceSummary[],
  ): Promise<ServiceHealth[]> {
    if (!this.options.health) return services.map(() => NO_HEALTH);
    return (await this.options.health.withHealth(services)).map(s => s.health);
  }
}
