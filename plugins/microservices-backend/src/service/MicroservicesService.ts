import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  ConfiguredCheck,
  EvaluationRunResult,
  LandscapeHistoryPoint,
  LandscapeSummary,
  ScoreHistoryPoint,
  ServiceDetail,
  ServiceHealthHistory,
  ServiceListQuery,
  ServiceListResponse,
  ServiceSummary,
} from '@microservices-backstage/plugin-microservices-common';
import {
  HEALTH_HISTORY_DEFAULT_LIMIT,
  HISTORY_DEFAULT_LIMIT,
  SERVICE_LIST_DEFAULT_LIMIT,
} from '@microservices-backstage/plugin-microservices-common';
import type { HealthService } from '../health/HealthService';
import type { MicroservicesStore } from '../database/MicroservicesStore';
import { buildLandscapeSummary } from './buildLandscapeSummary';
import type { CatalogReader } from './CatalogReader';
import type { LandscapeEvaluator } from './LandscapeEvaluator';
import { ManualEvaluationLimiter } from './ManualEvaluationLimiter';
import { TooManyRequestsError } from './httpErrors';

/** Summaries kept: one per run, health round and visible set in use. */
const SUMMARIES_KEPT = 20;

/** What the API offers, independent of HTTP. Visibility follows the caller's catalog access. */
export class MicroservicesService {
  private running?: Promise<EvaluationRunResult>;
  private readonly limiter: ManualEvaluationLimiter;
  /** Built summaries by the version of their inputs, oldest first. */
  private readonly summaries = new Map<string, Promise<LandscapeSummary>>();
  private readonly visibilityIds = new WeakMap<Set<string>, string>();
  private nextVisibilityId = 0;

  constructor(
    private readonly options: {
      store: MicroservicesStore;
      catalog: CatalogReader;
      evaluator: LandscapeEvaluator;
      logger: LoggerService;
      /** Live health; without it every service's health is served as not probed. */
      health?: HealthService;
      /** Manual runs per caller; default 5 a minute. */
      manualRuns?: { maxRuns: number; windowMs: number };
    },
  ) {
    this.limiter = new ManualEvaluationLimiter(options.manualRuns);
  }

  async listServices(
    query: ServiceListQuery,
    credentials: BackstageCredentials,
  ): Promise<ServiceListResponse> {
    const page = {
      offset: query.offset ?? 0,
      limit: query.limit ?? SERVICE_LIST_DEFAULT_LIMIT,
    };
    const visible = await this.options.catalog.visibleServiceRefs(credentials);
    // Filtered, sorted (health too: joined in SQL) and paged by the store.
    const { items, totalCount } = await this.options.store.listServices(
      { ...query, ...page },
      visible,
    );
    return {
      items: await this.markStale(await this.withHealth(items)),
      totalCount,
      ...page,
    };
  }

  /**
   * Marks results older than a failed latest run as `stale` (the run status is read once per
   * request; results are otherwise unchanged).
   */
  private async markStale<T extends { evaluatedAt: string }>(
    items: T[],
  ): Promise<T[]> {
    const { failedAt } = await this.options.store.getRunStatus();
    if (!failedAt) return items;
    return items.map(item =>
      item.evaluatedAt < failedAt ? { ...item, stale: true } : item,
    );
  }

  async getService(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ServiceDetail | undefined> {
    if (!(await this.isVisible(entityRef, credentials))) return undefined;
    const service = await this.options.store.getService(entityRef);
    if (!service) return undefined;
    const [withHealth] = await this.markStale(await this.withHealth([service]));
    return withHealth;
  }

  /** Health history and uptime of one service; undefined when hidden or not evaluated. */
  async getServiceHealth(
    entityRef: string,
    query: { limit?: number; since?: string },
    credentials: BackstageCredentials,
  ): Promise<ServiceHealthHistory | undefined> {
    if (!(await this.isVisible(entityRef, credentials))) return undefined;
    if (!(await this.options.store.hasService(entityRef))) return undefined;
    const options = {
      limit: query.limit ?? HEALTH_HISTORY_DEFAULT_LIMIT,
      since: query.since,
    };
    if (!this.options.health) {
      return {
        entityRef: entityRef.toLocaleLowerCase('en-US'),
        current: { status: 'unknown', message: 'health probing is not set up' },
        uptime24h: null,
        uptime7d: null,
        points: [],
      };
    }
    return this.options.health.history(entityRef, options);
  }

  /** The one place where live health joins the stored results. */
  private async withHealth<T extends { entityRef: string }>(
    items: T[],
  ): Promise<Array<T & { health: ServiceSummary['health'] }>> {
    if (this.options.health) return this.options.health.withHealth(items);
    return items.map(item => ({
      ...item,
      health: { status: 'unknown' as const },
    }));
  }

  async getHistory(
    entityRef: string,
    query: { limit?: number; since?: string },
    credentials: BackstageCredentials,
  ): Promise<ScoreHistoryPoint[] | undefined> {
    if (!(await this.isVisible(entityRef, credentials))) return undefined;
    if (!(await this.options.store.hasService(entityRef))) return undefined;
    return this.options.store.getHistory(entityRef, {
      limit: query.limit ?? HISTORY_DEFAULT_LIMIT,
      since: query.since,
    });
  }

  listChecks(): ConfiguredCheck[] {
    return this.options.evaluator.listChecks();
  }

  /**
   * The landscape summary. Building it reads and parses every service's checks, so it is
   * kept per version of its inputs: the latest run, the latest health round and what the
   * caller may see (read from the database on every request, so runs of other replicas
   * count at once).
   */
  async getSummary(
    credentials: BackstageCredentials,
  ): Promise<LandscapeSummary> {
    const [visible, run, status, healthVersion] = await Promise.all([
      this.options.catalog.visibleServiceRefs(credentials),
      this.options.store.getLatestRun(),
      this.options.store.getRunStatus(),
      this.options.health?.version() ?? 'none',
    ]);
    const key = [
      run ? `${run.startedAt}/${run.finishedAt}` : 'no run',
      healthVersion,
      visible ? this.visibilityId(visible) : 'all',
    ].join('\n');
    let summary = this.summaries.get(key);
    if (!summary) {
      summary = this.buildSummary(visible, run);
      this.summaries.set(key, summary);
      summary.catch(() => this.summaries.delete(key));
      // Oldest first: keep the newest few.
      for (const old of this.summaries.keys()) {
        if (this.summaries.size <= SUMMARIES_KEPT) break;
        this.summaries.delete(old);
      }
    }
    const built = await summary;
    return status.failedAt ? { ...built, stale: true } : built;
  }

  private async buildSummary(
    visible: Set<string> | undefined,
    run: Awaited<ReturnType<MicroservicesStore['getLatestRun']>>,
  ): Promise<LandscapeSummary> {
    const all = await this.options.store.listChecks();
    const shown = await this.withHealth(
      visible ? all.filter(s => visible.has(s.entityRef)) : all,
    );
    return buildLandscapeSummary({
      services: shown.map(s => ({ ...s, health: s.health.status })),
      run,
      allServiceRefs: new Set(all.map(s => s.entityRef)),
      levelOrder: this.options.evaluator.levelOrder(),
    });
  }

  /** An id per visible set (the catalog reader reuses a caller's set for a few seconds). */
  private visibilityId(visible: Set<string>): string {
    let id = this.visibilityIds.get(visible);
    if (id === undefined) {
      id = `visible ${this.nextVisibilityId++}`;
      this.visibilityIds.set(visible, id);
    }
    return id;
  }

  async getSummaryHistory(
    runs: number,
    credentials: BackstageCredentials,
  ): Promise<LandscapeHistoryPoint[]> {
    const visible = await this.options.catalog.visibleServiceRefs(credentials);
    return this.options.store.getLandscapeHistory(runs, visible);
  }

  /**
   * Evaluates the whole catalog now; concurrent calls share one run. `caller` (a principal)
   * may start a limited number of runs per minute; joining a run in progress is free.
   *
   * @throws TooManyRequestsError when the caller started too many runs recently.
   */
  evaluateNow(caller?: string): Promise<EvaluationRunResult> {
    if (this.running) return this.running;
    if (caller !== undefined) {
      const wait = this.limiter.tryStart(caller, Date.now());
      if (wait > 0) {
        throw new TooManyRequestsError(
          `Too many evaluations requested; a new one may start in ${wait} s (results are also refreshed on the schedule)`,
          wait,
        );
      }
    }
    const running = this.options.evaluator.run().finally(() => {
      this.running = undefined;
    });
    this.running = running;
    return running;
  }

  private isVisible(entityRef: string, credentials: BackstageCredentials) {
    return this.options.catalog.isVisible(entityRef, credentials);
  }
}
