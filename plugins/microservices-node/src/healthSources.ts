import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { ServiceHealth } from '@microservices-backstage/plugin-microservices-common';

/**
 * A service a health source is asked about.
 *
 * @public
 */
export interface HealthSourceTarget {
  /** Lower-case entity ref, e.g. `component:default/orders`. */
  entityRef: string;
  /** The catalog entity (metadata, annotations and spec). */
  entity: Entity;
}

/**
 * A source of live health: Prometheus, Kubernetes, a status page... The built-in source
 * probes each service's `microservices.backstage.io/health-endpoint` over HTTP.
 *
 * On each round the custom sources are asked first, in the order they were added; the
 * status a source reports for a service is the one served, and the HTTP prober only probes
 * the services no custom source reported. A source that throws or exceeds the round's
 * timeout is logged and skipped for that round.
 *
 * @public
 */
export interface HealthSource {
  /** Shown in logs and stored with each status, e.g. `prometheus`. */
  id: string;
  /**
   * The health of the services it knows (keys: the targets' `entityRef`); services it
   * leaves out are left to the next source. `checkedAt` defaults to the round's time.
   */
  probe(
    targets: HealthSourceTarget[],
    options: { signal: AbortSignal },
  ): Promise<Map<string, ServiceHealth>>;
}

/**
 * Adds health sources to the microservices backend plugin.
 *
 * @public
 */
export interface MicroservicesHealthSourcesExtensionPoint {
  addHealthSources(...sources: HealthSource[]): void;
}

/** @public */
export const microservicesHealthSourcesExtensionPoint =
  createExtensionPoint<MicroservicesHealthSourcesExtensionPoint>({
    id: 'microservices.health-sources',
  });
