import { createApiRef } from '@backstage/core-plugin-api';
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
} from '@microservices-backstage/plugin-microservices-common';

/**
 * Client of the microservices backend (`/api/microservices`).
 *
 * @public
 */
export interface MicroservicesApi {
  listServices(query?: ServiceListQuery): Promise<ServiceListResponse>;
  getService(namespace: string, name: string): Promise<ServiceDetail>;
  getHistory(namespace: string, name: string): Promise<ScoreHistoryPoint[]>;
  /** Live health: current status, uptime over 24 h and 7 d, and the latest probes. */
  getServiceHealth(
    namespace: string,
    name: string,
    options?: { limit?: number },
  ): Promise<ServiceHealthHistory>;
  listChecks(): Promise<ConfiguredCheck[]>;
  getSummary(): Promise<LandscapeSummary>;
  /** Average score and levels at each of the latest `limit` evaluations, oldest first. */
  getSummaryHistory(limit?: number): Promise<LandscapeHistoryPoint[]>;
  evaluate(): Promise<EvaluationRunResult>;
}

/** @public */
export const microservicesApiRef = createApiRef<MicroservicesApi>({
  id: 'plugin.microservices.api',
});
