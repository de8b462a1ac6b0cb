import { DEFAULT_NAMESPACE, Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { ServiceDetail } from '@microservices-backstage/plugin-microservices-common';
import { useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { MicroservicesApi, microservicesApiRef } from '../api';

/** How long a loaded result is shared by the cards of one entity page. */
const SHARE_MS = 10_000;

const shared = new WeakMap<
  MicroservicesApi,
  Map<string, { promise: Promise<ServiceDetail>; at: number }>
>();

/**
 * Loads a service's result once for all the cards and tabs of its entity page: requests for
 * the same service within a few seconds share one call.
 */
function loadShared(
  api: MicroservicesApi,
  namespace: string,
  name: string,
  force: boolean,
): Promise<ServiceDetail> {
  let cache = shared.get(api);
  if (!cache) {
    cache = new Map();
    shared.set(api, cache);
  }
  const key = `${namespace}/${name}`.toLocaleLowerCase('en-US');
  const hit = cache.get(key);
  if (!force && hit && Date.now() - hit.at < SHARE_MS) return hit.promise;
  const promise = api.getService(namespace, name);
  cache.set(key, { promise, at: Date.now() });
  promise.catch(() => cache?.delete(key));
  return promise;
}

/** The compliance result of the given service entity; `retry` reloads it. */
export function useServiceDetail(entity: Entity) {
  const api = useApi(microservicesApiRef);
  const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const name = entity.metadata.name;
  const loads = useRef(0);
  return useAsyncRetry(() => {
    // The first load may share another card's request; a retry asks the backend again.
    const force = loads.current > 0;
    loads.current += 1;
    return loadShared(api, namespace, name, force);
  }, [api, namespace, name]);
}
