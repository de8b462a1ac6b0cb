import { useEffect, useRef, useState } from 'react';
import type {
  ServiceListQuery,
  ServiceListResponse,
} from '@microservices-backstage/plugin-microservices-common';
import type { MicroservicesApi } from '../api';

/**
 * A list request started before the overview's code has loaded (by the router), so the first
 * rows do not wait for that code; its outcome is kept once settled, so the page can show the
 * rows in its first render.
 */
export interface PrefetchedServiceList {
  /** The query, as `serviceListKey` writes it. */
  key: string;
  promise: Promise<ServiceListResponse>;
  settled?: { value: ServiceListResponse } | { error: unknown };
}

/** The identity of a query: two queries with the same key ask for the same page. */
export const serviceListKey = (query: ServiceListQuery | undefined) =>
  JSON.stringify(query ?? null);

/** Starts a list request whose outcome `useServiceList` can take over. */
export function prefetchServiceList(
  api: Pick<MicroservicesApi, 'listServices'>,
  query: ServiceListQuery,
): PrefetchedServiceList {
  const prefetched: PrefetchedServiceList = {
    key: serviceListKey(query),
    promise: api.listServices(query),
  };
  prefetched.promise.then(
    value => (prefetched.settled = { value }),
    error => (prefetched.settled = { error }),
  );
  return prefetched;
}

// The latest prefetch per client, with the navigation (location key) it was made for.
const latestPrefetch = new WeakMap<
  object,
  { navigation: string; prefetched: PrefetchedServiceList }
>();

/**
 * `prefetchServiceList`, once per navigation: a page that mounts again during the same
 * navigation (Backstage's page extension re-creates its lazy content when it re-renders) takes
 * over the same request instead of starting another. A new navigation asks again.
 */
export function prefetchServiceListOnce(
  api: Pick<MicroservicesApi, 'listServices'>,
  query: ServiceListQuery,
  navigation: string,
): PrefetchedServiceList {
  const latest = latestPrefetch.get(api);
  if (
    latest?.navigation === navigation &&
    latest.prefetched.key === serviceListKey(query)
  ) {
    return latest.prefetched;
  }
  const prefetched = prefetchServiceList(api, query);
  latestPrefetch.set(api, { navigation, prefetched });
  return prefetched;
}

export interface ServiceListState {
  loading: boolean;
  /** The latest page; kept while the next one loads. */
  value?: ServiceListResponse;
  error?: unknown;
}

/**
 * The page of services for `query`, or `empty` without asking when the query is `null` (it
 * cannot match anything), or nothing while it is `undefined` (not known yet, e.g. the caller's
 * teams for "mine"). The first load uses `prefetched` when it asked for the same query;
 * `reloads` asks again.
 */
export function useServiceList(options: {
  api: Pick<MicroservicesApi, 'listServices'>;
  query: ServiceListQuery | null | undefined;
  empty: ServiceListResponse;
  reloads: number;
  prefetched?: PrefetchedServiceList;
}): ServiceListState {
  const { api, query, empty, reloads, prefetched } = options;
  const key = query ? serviceListKey(query) : String(query);
  // Taken at most once: a later load of the same query (a retry, coming back) asks again.
  const unusedPrefetch = useRef(prefetched);
  const takePrefetch = () => {
    const p = unusedPrefetch.current;
    unusedPrefetch.current = undefined;
    return query && p?.key === key ? p : undefined;
  };
  const [state, setState] = useState<ServiceListState>(() => {
    const settled = query && prefetched?.key === key && prefetched.settled;
    if (!settled) return { loading: true };
    unusedPrefetch.current = undefined;
    return 'value' in settled
      ? { loading: false, value: settled.value }
      : { loading: false, error: settled.error };
  });
  const firstRun = useRef(true);

  useEffect(() => {
    const isFirstRun = firstRun.current;
    firstRun.current = false;
    // The first render already shows the settled prefetch.
    if (isFirstRun && !state.loading) return undefined;
    if (query === undefined) return undefined;
    if (query === null) {
      setState({ loading: false, value: empty });
      return undefined;
    }
    let current = true;
    setState(s => (s.loading ? s : { ...s, loading: true }));
    const promise = takePrefetch()?.promise ?? api.listServices(query);
    promise.then(
      value => current && setState({ loading: false, value }),
      error => current && setState({ loading: false, error }),
    );
    return () => {
      current = false;
    };
    // key stands for query (and empty); state.loading is read on the first run only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, reloads]);

  return state;
}
