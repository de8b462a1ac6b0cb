/*
 * The HTTP contract of the microservices backend (`/api/microservices`), shared by the
 * backend router and the frontend client. See the backend's openapi.yaml.
 */
import type { CheckResult, LevelProgress, SharedDatastore } from './engine/types';

/*
 * Limits and defaults of the API, defined once: the router validates with them, the store
 * and the client page with them.
 */
/**
 * `GET /services`: page size when `limit` is not given, and the largest accepted.
 *
 * @public
 */
export const SERVICE_LIST_DEFAULT_LIMIT = 20;
/** @public */
export const SERVICE_LIST_MAX_LIMIT = 500;
/**
 * `GET /services/:ns/:name/history`: points when `limit` is not given, and the most accepted.
 *
 * @public
 */
export const HISTORY_DEFAULT_LIMIT = 100;
/** @public */
export const HISTORY_MAX_LIMIT = 1000;
/**
 * `GET /summary/history`: evaluations when `limit` is not given, and the most accepted.
 *
 * @public
 */
export const SUMMARY_HISTORY_DEFAULT_LIMIT = 30;
/** @public */
export const SUMMARY_HISTORY_MAX_LIMIT = 365;
/**
 * Values per list filter (`?owner=a,b,...`).
 *
 * @public
 */
export const MAX_FILTER_VALUES = 100;

/**
 * Check statuses that lower the score and need a change: what "failing" means everywhere.
 *
 * @public
 */
export const FAILING_CHECK_STATUSES = ['fail', 'error'] as const;

/**
 * Whether a check result is failing (`fail` or `error`).
 *
 * @public
 */
export function isFailingCheck(check: Pick<CheckResult, 'status'>): boolean {
  return check.status === 'fail' || check.status === 'error';
}

/** @public */
export const HEALTH_STATUSES = [
  'healthy',
  'degraded',
  'unhealthy',
  'unknown',
] as const;
/** @public */
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/**
 * A service's latest health, as every route serves it.
 *
 * @public
 */
export interface ServiceHealth {
  status: HealthStatus;
  /** When it was last probed or reported (ISO 8601). */
  checkedAt?: string;
  latencyMs?: number;
  httpStatus?: number;
  /** What was seen, or why the endpoint was not probed. */
  message?: string;
}

/**
 * A dependency edge as the engine derives it (see `CatalogGraph.upstreamOf`), as shown to
 * users: the UI draws these and does not re-derive them.
 *
 * @public
 */
export interface DependencyRef {
  /** The entity at the other end (normalized, lower-case). */
  entityRef: string;
  /**
   * How the dependency is declared: `dependsOn` on the dependent, `dependencyOf` on the
   * dependency (Backstage turns both into the same relation), or `consumesApis` on the
   * dependent, resolved to the API's providers.
   */
  via: 'dependsOn' | 'dependencyOf' | 'consumesApis';
  /** The API it goes through, for `consumesApis`. */
  apiRef?: string;
  /** Lower-case kind of `entityRef`. */
  kind: string;
  /** False when `entityRef` names no entity in the catalog (a dangling ref). */
  exists: boolean;
  /** A `Resource` whose type is one of the configured `datastoreTypes`. */
  datastore: boolean;
  /** Its title, when the entity has one. */
  title?: string;
}

/** @public */
export interface ServiceSummary {
  entityRef: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
  score: number;
  level: string;
  failingPrinciples: string[];
  failingChecks: string[];
  dependencyCount: number;
  dependentCount: number;
  health: ServiceHealth;
  evaluatedAt: string;
  /**
   * True when the latest evaluation run failed (catalog or database unavailable): this
   * result is from the last run that succeeded, at `evaluatedAt`. Absent otherwise.
   */
  stale?: boolean;
}

/** @public */
export interface ServiceDetail extends ServiceSummary {
  checks: CheckResult[];
  /** What it depends on (Components, Resources, dangling refs), each edge once. */
  upstream: DependencyRef[];
  /** What depends on it. */
  downstream: DependencyRef[];
  /** The other members of its dependency cycle (at most 100), when it is on one. */
  cycle?: string[];
  /** Datastores it shares with other services (same or other owner: see `conflicting`). */
  sharedDatastores: SharedDatastore[];
  /** The next level and what it takes; absent at the highest level. */
  nextLevel?: LevelProgress;
  /** Problems in its catalog-info.yaml that Backstage ignores silently (misspelt keys). */
  warnings: string[];
}

/** @public */
export const SERVICE_SORT_FIELDS = [
  'name',
  'owner',
  'system',
  'domain',
  'lifecycle',
  'score',
  'level',
  'dependencyCount',
  'dependentCount',
  'evaluatedAt',
  'health',
] as const;
/** @public */
export type ServiceSortField = (typeof SERVICE_SORT_FIELDS)[number];

/** @public */
export interface ServiceListQuery {
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  level?: string[];
  failingPrinciple?: string[];
  failingCheck?: string[];
  /** Services whose latest health is one of these. */
  health?: HealthStatus[];
  /** Case-insensitive substring of the name, title or entity ref. */
  search?: string;
  orderBy?: ServiceSortField;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** @public */
export interface ServiceListResponse {
  items: ServiceSummary[];
  totalCount: number;
  offset: number;
  limit: number;
}

/** @public */
export interface ScoreHistoryPoint {
  score: number;
  level: string;
  evaluatedAt: string;
}

/** @public */
export interface PrinciplePassRate {
  principle: string;
  /** Services with at least one failing check of this principle (what the filtered list shows). */
  failingServices: number;
  /** Services with at least one applicable check of this principle. */
  applicableServices: number;
  pass: number;
  fail: number;
  warn: number;
  exempt: number;
  notApplicable: number;
  error: number;
  /** pass / (pass + fail + warn + error), 0..1; null when no applicable result. */
  passRate: number | null;
}

/** @public */
export interface GroupScore {
  /** Owner, system or domain ref; absent for the services that have none. */
  key?: string;
  serviceCount: number;
  averageScore: number;
}

/**
 * A level and how many services hold it.
 *
 * @public
 */
export interface LevelCount {
  level: string;
  count: number;
}

/** @public */
export interface LandscapeSummary {
  serviceCount: number;
  /** Mean score of every visible service (with or without owner, system, domain); null when none. */
  averageScore: number | null;
  evaluatedAt?: string;
  /** True when the latest evaluation run failed: the figures are from `evaluatedAt`. */
  stale?: boolean;
  /** Sorted worst pass rate first. */
  principles: PrinciplePassRate[];
  /** Worst average first; services without one are in the entry without `key`. */
  byOwner: GroupScore[];
  bySystem: GroupScore[];
  byDomain: GroupScore[];
  /** Every configured level, highest first, then the level below all; zero counts included. */
  levels: LevelCount[];
  /** Services per health status. */
  health: { status: HealthStatus; count: number }[];
  /** Values the overview's filters offer, from the visible services. */
  filterOptions: {
    owners: string[];
    systems: string[];
    domains: string[];
    lifecycles: string[];
    levels: string[];
  };
  sharedDatastores: SharedDatastore[];
  cycles: string[][];
}

/**
 * The landscape at one evaluation: for the trend over time.
 *
 * @public
 */
export interface LandscapeHistoryPoint {
  evaluatedAt: string;
  serviceCount: number;
  averageScore: number;
  levels: LevelCount[];
}

/** @public */
export interface EvaluationRunResult {
  serviceCount: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Where the run's time went, in milliseconds (wall time of each phase). */
  phases?: EvaluationRunPhases;
}

/**
 * The phases of an evaluation run, in milliseconds.
 *
 * @public
 */
export interface EvaluationRunPhases {
  /** Reading the landscape from the catalog. */
  catalogReadMs: number;
  /** Running the engine over every service (with the event loop yielded between chunks). */
  evaluationMs: number;
  /** Writing results, history and retention in one transaction. */
  storingMs: number;
}

/*
 * Live health (issue 7): history and uptime of one service, `GET /services/:ns/:name/health`.
 */

/**
 * One probe or report of a service's health.
 *
 * @public
 */
export interface HealthHistoryPoint {
  status: HealthStatus;
  checkedAt: string;
  latencyMs?: number;
  httpStatus?: number;
  message?: string;
}

/** @public */
export interface ServiceHealthHistory {
  entityRef: string;
  current: ServiceHealth;
  /** Share (0..1) of the last 24 hours' verdicts (healthy, degraded, unhealthy) that were healthy or degraded; null without any. */
  uptime24h: number | null;
  /** The same over the last 7 days. */
  uptime7d: number | null;
  /** Oldest first, at most `limit` (default 100), within the retention. */
  points: HealthHistoryPoint[];
}

/**
 * `GET /services/:ns/:name/health`: points when `limit` is not given, and the most accepted.
 *
 * @public
 */
export const HEALTH_HISTORY_DEFAULT_LIMIT = 100;
/** @public */
export const HEALTH_HISTORY_MAX_LIMIT = 2000;
