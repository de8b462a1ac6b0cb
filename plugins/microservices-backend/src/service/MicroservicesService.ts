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
import type { LatestResultsSnapshot } from './LatestResultsSnapshot';
import type { CatalogReader } from './CatalogReader';
import type { LandscapeEvaluator } from './LandscapeEvaluator';
import { LatestResults } from './LatestResults';
import { JsonBody } from './JsonBody';
import { ManualEvaluationLimiter } from './ManualEvaluationLimiter';
import { TooManyRequestsError } from './httpErrors';

/** Summaries kept: one per run, health round and visible set in use. */
const SUMMARIES_KEPT = 20;
/** Service details kept serialized per snapshot of the latest results (about 15 KB each). */
const DETAILS_KEPT = 500;

/** What the API offers, independent of HTTP. Visibility follows the caller's catalog access. */
export class MicroservicesService {
  private running?: Promise<EvaluationRunResult>;
  private readonly limiter: ManualEvaluationLimiter;
  /** Built summaries by the version of their inputs, oldest first. */
  private readonly summaries = new Map<string, Promise<LandscapeSummary>>();
  private readonly visibilityIds = new WeakMap<Set<string>, string>();
  private nextVisibilityId = 0;
  private readonly latest: LatestResults;
  /** Each built summary serialized, fresh and stale, while the summary is kept. */
  private readonly summaryBodies = new WeakMap<
    LandscapeSummary,
    { fresh?: JsonBody; stale?: JsonBody }
  >();
  /** Details read for the current snapshot, serialized, oldest first. */
  private details?: {
    snapshot: LatestResultsSnapshot;
    bodies: Map<string, Promise<JsonBody | undefined>>;
  };

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
      /**
       * How often the database is asked for a newer run, health round or run status (of
       * another replica); default LATEST_RESULTS_CHECK_MS. 0: on every request.
       */
      resultsCheckIntervalMs?: number;
    },
  ) {
    this.limiter = new ManualEvaluationLimiter(options.manualRuns);
    this.latest = new LatestResults({
      store: options.store,
      health: options.health,
      checkIntervalMs: options.resultsCheckIntervalMs,
    });
  }

  async listServices(
    query: ServiceListQuery,
    credentials: BackstageCredentials,
  ): Promise<ServiceListResponse> {
    const page = {
      offset: query.offset ?? 0,
      limit: query.limit ?? SERVICE_LIST_DEFAULT_LIMIT,
    };
    const [visible, latest] = await Promise.all([
      this.options.catalog.visibleServiceRefs(credentials),
      this.latest.current(),
    ]);
    // Filtered, sorted and paged in memory: no query per page.
    const { items, totalCount } = latest.page({ ...query, ...page }, visible);
    return { items, totalCount, ...page };
  }

  async getService(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ServiceDetail | undefined> {
    if (!(await this.isVisible(entityRef, credentials))) return undefined;
    return this.readService(entityRef, await this.latest.current());
  }

  /**
   * {@link getService} serialized. A service of the latest results is read and serialized
   * once per snapshot (its health and stale flag are the snapshot's), for every caller who
   * may see it.
   */
  async getServiceBody(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<JsonBody | undefined> {
    if (!(await this.isVisible(entityRef, credentials))) return undefined;
    const latest = await this.latest.current();
    const ref = entityRef.toLocaleLowerCase('en-US');
    if (!latest.has(ref)) {
      const service = await this.readService(ref, latest);
      return service && new JsonBody(service);
    }
    if (this.details?.snapshot !== latest) {
      this.details = { snapshot: latest, bodies: new Map() };
    }
    const { bodies } = this.details;
    let body = bodies.get(ref);
    if (!body) {
      const read = this.readService(ref, latest).then(
        service => service && new JsonBody(service),
      );
      if (bodies.size >= DETAILS_KEPT) {
        bodies.delete(bodies.keys().next().value!);
      }
      bodies.set(ref, read);
      read.catch(() => {
        if (bodies.get(ref) === read) bodies.delete(ref);
      });
      body = read;
    }
    return body;
  }

  private async readService(
    entityRef: string,
    latest: LatestResultsSnapshot,
  ): Promise<ServiceDetail | undefined> {
    const service = await this.options.store.getService(entityRef);
    if (!service) return undefined;
    // A result newer than the snapshot (another replica's run since the last check): its
    // health from the health store.
    const [withHealth] = latest.has(service.entityRef)
      ? [{ ...service, health: latest.healthOf(service.entityRef) }]
      : await this.withHealth([service]);
    return latest.withStale(withHealth);
  }

  /** Whether the latest run evaluated the service (the snapshot, else the database). */
  private async hasService(entityRef: string): Promise<boolean> {
    const latest = await this.latest.current();
    return (
      latest.has(entityRef.toLocaleLowerCase('en-US')) ||
      this.options.store.hasService(entityRef)
    );
  }

  /** Health history and uptime of one service; undefined when hidden or not evaluated. */
  async getServiceHealth(
    entityRef: string,
    query: { limit?: number; since?: string },
    credentials: BackstageCredentials,
  ): Promise<ServiceHealthHistory | undefined> {
    if (!(await this.isVisible(entityRef, credentials))) return undefined;
    if (!(await this.hasService(entityRef))) return undefined;
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
    if (!(await this.hasService(entityRef))) return undefined;
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
   * kept per version of its inputs: the latest run, the latest health round (both as of the
   * latest results' last check) and what the caller may see.
   */
  async getSummary(
    credentials: BackstageCredentials,
  ): Promise<LandscapeSummary> {
    const { built, stale } = await this.summaryFor(credentials);
    return stale ? { ...built, stale: true } : built;
  }

  /** {@link getSummary} serialized once per summary (and stale flag), for every request. */
  async getSummaryBody(credentials: BackstageCredentials): Promise<JsonBody> {
    const { built, stale } = await this.summaryFor(credentials);
    let bodies = this.summaryBodies.get(built);
    if (!bodies) {
      bodies = {};
      this.summaryBodies.set(built, bodies);
    }
    if (stale) {
      bodies.stale ??= new JsonBody({ ...built, stale: true });
      return bodies.stale;
    }
    bodies.fresh ??= new JsonBody(built);
    return bodies.fresh;
  }

  private async summaryFor(
    credentials: BackstageCredentials,
  ): Promise<{ built: LandscapeSummary; stale: boolean }> {
    const [visible, latest] = await Promise.all([
      this.options.catalog.visibleServiceRefs(credentials),
      this.latest.current(),
    ]);
    const key = [
      latest.version,
      visible ? this.visibilityId(visible) : 'all',
    ].join('\n');
    let summary = this.summaries.get(key);
    if (!summary) {
      summary = this.buildSummary(visible, latest);
      this.summaries.set(key, summary);
      summary.catch(() => this.summaries.delete(key));
      // Oldest first: keep the newest few.
      for (const old of this.summaries.keys()) {
        if (this.summaries.size <= SUMMARIES_KEPT) break;
        this.summaries.delete(old);
      }
    }
    return {
      built: await summary,
      stale: latest.runStatus.failedAt !== undefined,
    };
  }

  private async buildSummary(
    visible: Set<string> | undefined,
    latest: LatestResultsSnapshot,
  ): Promise<LandscapeSummary> {
    const [all, run] = await Promise.all([
      this.options.store.listChecks(),
      this.options.store.getLatestRun(),
    ]);
    const shown = visible ? all.filter(s => visible.has(s.entityRef)) : all;
    return buildLandscapeSummary({
      services: shown.map(s => ({
        ...s,
        health: latest.healthOf(s.entityRef).status,
      })),
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
      // New results or a failed run: this replica serves them from the next request on.
      this.latest.invalidate();
    });
    this.running = running;
    return running;
  }

  private isVisible(entityRef: string, credentials: BackstageCredentials) {
    return this.options.catalog.isVisible(entityRef, credentials);
  }
}
