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
  ServiceListQuery,
  ServiceListResponse,
} from '@microservices-backstage/plugin-microservices-common';
import type { MicroservicesStore } from '../database/MicroservicesStore';
import { buildLandscapeSummary } from './buildLandscapeSummary';
import type { CatalogReader } from './CatalogReader';
import type { LandscapeEvaluator } from './LandscapeEvaluator';

const DEFAULT_PAGE_SIZE = 50;

/** What the API offers, independent of HTTP. Visibility follows the caller's catalog access. */
export class MicroservicesService {
  private running?: Promise<EvaluationRunResult>;

  constructor(
    private readonly options: {
      store: MicroservicesStore;
      catalog: CatalogReader;
      evaluator: LandscapeEvaluator;
      logger: LoggerService;
    },
  ) {}

  async listServices(
    query: ServiceListQuery,
    credentials: BackstageCredentials,
  ): Promise<ServiceListResponse> {
    const page = { offset: query.offset ?? 0, limit: query.limit ?? DEFAULT_PAGE_SIZE };
    const visible = await this.options.catalog.visibleServiceRefs(credentials);
    const { items, totalCount } = await this.options.store.listServices(
      { ...query, ...page },
      visible,
    );
    return { items, totalCount, ...page };
  }

  async getService(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ServiceDetail | undefined> {
    if (!(await this.isVisible(entityRef, credentials))) return undefined;
    return this.options.store.getService(entityRef);
  }

  async getHistory(
    entityRef: string,
    query: { limit?: number; since?: string },
    credentials: BackstageCredentials,
  ): Promise<ScoreHistoryPoint[] | undefined> {
    if (!(await this.isVisible(entityRef, credentials))) return undefined;
    if (!(await this.options.store.hasService(entityRef))) return undefined;
    return this.options.store.getHistory(entityRef, {
      limit: query.limit ?? 100,
      since: query.since,
    });
  }

  listChecks(): ConfiguredCheck[] {
    return this.options.evaluator.listChecks();
  }

  async getSummary(credentials: BackstageCredentials): Promise<LandscapeSummary> {
    const [visible, all, run] = await Promise.all([
      this.options.catalog.visibleServiceRefs(credentials),
      this.options.store.listChecks(),
      this.options.store.getLatestRun(),
    ]);
    return buildLandscapeSummary({
      services: visible ? all.filter(s => visible.has(s.entityRef)) : all,
      run,
      allServiceRefs: new Set(all.map(s => s.entityRef)),
    });
  }

  async getSummaryHistory(
    runs: number,
    credentials: BackstageCredentials,
  ): Promise<LandscapeHistoryPoint[]> {
    const visible = await this.options.catalog.visibleServiceRefs(credentials);
    return this.options.store.getLandscapeHistory(runs, visible);
  }

  /** Evaluates the whole catalog now; concurrent calls share one run. */
  evaluateNow(): Promise<EvaluationRunResult> {
    const running =
      this.running ??
      this.options.evaluator.run().finally(() => {
        this.running = undefined;
      });
    this.running = running;
    return running;
  }

  private isVisible(entityRef: string, credentials: BackstageCredentials) {
    return this.options.catalog.isVisible(entityRef, credentials);
  }
}
