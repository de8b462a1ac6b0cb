import type {
  LandscapeHistoryPoint,
  LandscapeSummary,
  ScoreHistoryPoint,
  ServiceDetail,
  ServiceListQuery,
  ServiceSummary,
} from '@microservices-backstage/plugin-microservices-common';

/** What one evaluation of the whole catalog writes. */
export interface EvaluationRunRecord {
  startedAt: string;
  finishedAt: string;
  services: ServiceDetail[];
  cycles: string[][];
  sharedDatastores: LandscapeSummary['sharedDatastores'];
}

export interface HistoryRetention {
  /** History older than this many days is removed. */
  maxAgeDays: number;
  /** At most this many history points are kept per service. */
  maxEntriesPerService: number;
}

/** Storage of compliance results; a knex implementation backs it on SQLite and PostgreSQL. */
export interface MicroservicesStore {
  /**
   * Replaces the latest results with a run's, appends history, and removes services that
   * left the catalog, in one transaction.
   */
  saveRun(run: EvaluationRunRecord): Promise<void>;
  /**
   * A page of the services matching the filters, sorted, and how many match;
   * `visible` (lower-case refs) limits them to what the caller may see.
   */
  listServices(
    query: ServiceListQuery,
    visible?: Set<string>,
  ): Promise<{ items: ServiceSummary[]; totalCount: number }>;
  getService(entityRef: string): Promise<ServiceDetail | undefined>;
  hasService(entityRef: string): Promise<boolean>;
  getHistory(
    entityRef: string,
    options: { limit: number; since?: string },
  ): Promise<ScoreHistoryPoint[]>;
  getLatestRun(): Promise<
    Pick<EvaluationRunRecord, 'startedAt' | 'finishedAt' | 'cycles' | 'sharedDatastores'> | undefined
  >;
  /** The checks of every stored service, for the summary. */
  listChecks(visible?: Set<string>): Promise<
    Array<Pick<ServiceDetail, 'entityRef' | 'owner' | 'system' | 'domain' | 'score' | 'level' | 'checks'>>
  >;
  /** Per evaluation, oldest first: the latest `runs` evaluations' scores of `visible` services. */
  getLandscapeHistory(
    runs: number,
    visible?: Set<string>,
  ): Promise<LandscapeHistoryPoint[]>;
  applyRetention(retention: HistoryRetention, now: Date): Promise<{ deleted: number }>;
}
