import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
import type { MicroservicesApi } from './MicroservicesApi';

/**
 * {@link MicroservicesApi} over HTTP, with the signed-in user's credentials.
 *
 * @public
 */
export class MicroservicesClient implements MicroservicesApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listServices(
    query: ServiceListQuery = {},
  ): Promise<ServiceListResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === '') continue;
      for (const v of Array.isArray(value) ? value : [value]) {
        params.append(key, String(v));
      }
    }
    const qs = params.toString();
    return this.request(`/services${qs ? `?${qs}` : ''}`);
  }

  getService(namespace: string, name: string): Promise<ServiceDetail> {
    return this.request(
      `/services/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    );
  }

  async getHistory(
    namespace: string,
    name: string,
  ): Promise<ScoreHistoryPoint[]> {
    const body = await this.request<{ items: ScoreHistoryPoint[] }>(
      `/services/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/history`,
    );
    return body.items;
  }

  getServiceHealth(
    namespace: string,
    name: string,
    options: { limit?: number } = {},
  ): Promise<ServiceHealthHistory> {
    const qs = options.limit === undefined ? '' : `?limit=${options.limit}`;
    return this.request(
      `/services/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/health${qs}`,
    );
  }

  async listChecks(): Promise<ConfiguredCheck[]> {
    const body = await this.request<{ items: ConfiguredCheck[] }>('/checks');
    return body.items;
  }

  getSummary(): Promise<LandscapeSummary> {
    return this.request('/summary');
  }

  async getSummaryHistory(limit?: number): Promise<LandscapeHistoryPoint[]> {
    const body = await this.request<{ items: LandscapeHistoryPoint[] }>(
      `/summary/history${limit === undefined ? '' : `?limit=${limit}`}`,
    );
    return body.items;
  }

  evaluate(): Promise<EvaluationRunResult> {
    return this.request('/evaluate', { method: 'POST' });
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('microservices');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
