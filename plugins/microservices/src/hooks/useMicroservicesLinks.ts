import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../routes';
import {
  servicesOverviewLink,
  ServiceFilterKey,
} from '../lib/serviceListUrlState';

/** Links into the plugin's pages; each undefined when the app has not mounted the page. */
export interface MicroservicesLinks {
  /** The services overview, filtered. */
  overview?: (filters?: Partial<Record<ServiceFilterKey, string[]>>) => string;
  dashboard?: () => string;
  principles?: () => string;
  /** The register page: validate a catalog-info.yaml, then register it. */
  register?: () => string;
  /** A principle's explanation, at a check's anchor when given. */
  principle?: (principleId: string, checkId?: string) => string;
}

/** The mount path of the plugin's page, or undefined when the app has not mounted it. */
function useMountPath(): string | undefined {
  try {
    // useRouteRef throws for a route the app has not mounted, after running all its hooks.
    return useRouteRef(rootRouteRef)().replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/**
 * Links into the plugin's pages (the paths of `dashboardRouteRef`, `principlesRouteRef` and
 * `principleRouteRef` under the mount point). An app that uses only the entity cards has not
 * mounted the page: then the links are undefined and callers show text instead.
 */
export function useMicroservicesLinks(): MicroservicesLinks {
  const base = useMountPath();
  if (base === undefined) return {};
  return {
    overview: filters => servicesOverviewLink(base || '/', filters ?? {}),
    dashboard: () => `${base}/dashboard`,
    principles: () => `${base}/principles`,
    register: () => `${base}/register`,
    principle: (principleId, checkId) =>
      `${base}/principles/${encodeURIComponent(principleId)}${
        checkId ? `#${encodeURIComponent(checkId)}` : ''
      }`,
  };
}
