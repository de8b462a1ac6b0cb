import type {
  LandscapeHistoryPoint,
  LandscapeSummary,
  ScoreHistoryPoint,
  ServiceDetail,
  ServiceListQuery,
  ServiceSummary,
} from '@microservices-backstage/plugin-microservices-common';

/** A service's evaluation as stored: its detail without the live health. */
export type EvaluatedService = Omit<ServiceDetail, 'health'>;
/** A list item as stored; MicroservicesService adds the live health. */
export type StoredServiceSummary = Omit<ServiceSummary, 'health'>;

/** What one evaluation of the whole catalog writes. */
export interface EvaluationRunRecord {
  startedAt: string;
  finishedAt: string;
  services: EvaluatedService[];
  cycles: string[][];
  sharedDatastores: LandscapeSummary['sharedDatastores'];
}

/** The outcome of the latest evaluation runs, for the `stale` flag. */
export interface RunStatus {
  /** When the latest successful run finished; absent before the first one. */
  lastSucceededAt?: string;
  /** When the latest run started, when it failed (it is newer than every successful run). */
  failedAt?: string;
  /** Why it failed. */
  error?: string;
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
   * Replaces the latest results with a run's and removes services that left the catalog, in
   * one transaction. A history point is recorded for a service when its score or level
   * changed since its last point, or when its last point is from an earlier UTC day.
   */
  saveRun(run: EvaluationRunRecord): Promise<void>;
  /**
   * {@link saveRun} with retention applied in the same transaction (readers never see a run
   * without its retention), and the history of services no longer in the catalog purged.
   */
  saveRunWithRetention(
    run: EvaluationRunRecord,
    retention: HistoryRetention,
  ): Promise<{ deleted: number }>;
  /** Records a run that failed; the latest results stay as they were, served as stale. */
  recordFailedRun(run: {
    startedAt: string;
    finishedAt: string;
    error: string;
  }): Promise<void>;
  /** Whether the latest run failed, and when the latest successful one finished. */
  getRunStatus(): Promise<RunStatus>;
  /**
   * A page of the services matching the filters, sorted, and how many match;
   * `visible` (lower-case refs) limits them to what the caller may see. The health filter
   * and sort use the health store's latest health (none stored: `unknown`).
   */
  listServices(
    query: ServiceListQuery,
    visible?: Set<string>,
  ): Promise<{ items: StoredServiceSummary[]; totalCount: number }>;
  /**
   * Every stored service as a list item, for the in-memory list (LatestResults); the order
   * is unspecified.
   */
  listServiceSummaries(): Promise<StoredServiceSummary[]>;
  /**
   * Changes whenever a run replaced the latest results (this replica's or another's): the id
   * of the latest successful run.
   */
  getResultsVersion(): Promise<string>;
  getService(entityRef: string): Promise<EvaluatedService | undefined>;
  hasService(entityRef: string): Promise<boolean>;
  getHistory(
    entityRef: string,
    options: { limit: number; since?: string },
  ): Promise<ScoreHistoryPoint[]>;
  /** The latest successful run. */
  getLatestRun(): Promise<
    | Pick<
        EvaluationRunRecord,
        'startedAt' | 'finishedAt' | 'cycles' | 'sharedDatastores'
      >
    | undefined
  >;
  /** The checks of every stored service, for the summary. */
  listChecks(
    visible?: Set<string>,
  ): Promise<
    Array<
      Pick<
        ServiceDetail,
        | 'entityRef'
        | 'owner'
        | 'system'
        | 'domain'
        | 'lifecycle'
        | 'score'
        | 'level'
        | 'checks'
      >
    >
  >;
  /** Per evaluation, oldest first: the latest `runs` evaluations' scores of `visible` services. */
  getLandscapeHistory(
    runs: number,
    visible?: Set<string>,
  ): Promise<LandscapeHistoryPoint[]>;
  applyRetention(
    retention: HistoryRetention,
    now: Date,
  ): Promise<{ deleted: number }>;
}
