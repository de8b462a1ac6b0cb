/*
 * The HTTP contract of the microservices backend (`/api/microservices`), shared by the
 * backend router and the frontend client. See the backend's openapi.yaml.
 */
import type { CheckResult } from './engine/types';

export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';

/** A dependency edge as shown to users. */
export interface DependencyRef {
  entityRef: string;
  /** How the dependency is declared. */
  via: 'dependsOn' | 'consumesApis';
  /** The API it goes through, for `consumesApis`. */
  apiRef?: string;
}

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
  health: { status: HealthStatus; checkedAt?: string; latencyMs?: number };
  evaluatedAt: string;
}

export interface ServiceDetail extends ServiceSummary {
  checks: CheckResult[];
  upstream: DependencyRef[];
  downstream: DependencyRef[];
}

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
] as const;
export type ServiceSortField = (typeof SERVICE_SORT_FIELDS)[number];

export interface ServiceListQuery {
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  level?: string[];
  failingPrinciple?: string[];
  failingCheck?: string[];
  /** Case-insensitive substring of the name, title or entity ref. */
  search?: string;
  orderBy?: ServiceSortField;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export interface ServiceListResponse {
  items: ServiceSummary[];
  totalCount: number;
  offset: number;
  limit: number;
}

export interface ScoreHistoryPoint {
  score: number;
  level: string;
  evaluatedAt: string;
}

export interface PrinciplePassRate {
  principle: string;
  pass: number;
  fail: number;
  warn: number;
  exempt: number;
  notApplicable: number;
  error: number;
  /** pass / (pass + fail + warn + error), 0..1; null when no applicable result. */
  passRate: number | null;
}

export interface GroupScore {
  key: string;
  serviceCount: number;
  averageScore: number;
}

export interface LandscapeSummary {
  serviceCount: number;
  evaluatedAt?: string;
  principles: PrinciplePassRate[];
  byOwner: GroupScore[];
  bySystem: GroupScore[];
  byDomain: GroupScore[];
  levels: { level: string; count: number }[];
  sharedDatastores: { datastoreRef: string; services: string[]; owners: string[] }[];
  cycles: string[][];
}

/** The landscape at one evaluation: for the trend over time. */
export interface LandscapeHistoryPoint {
  evaluatedAt: string;
  serviceCount: number;
  averageScore: number;
  levels: { level: string; count: number }[];
}

export interface EvaluationRunResult {
  serviceCount: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}
