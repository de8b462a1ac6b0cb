import {
  SERVICE_LIST_DEFAULT_LIMIT,
  SERVICE_LIST_MAX_LIMIT,
  SERVICE_SORT_FIELDS,
  ServiceListQuery,
  ServiceSortField,
} from '@microservices-backstage/plugin-microservices-common';
import { normalizeRef } from './entityRefs';

/** The filters of the services overview that live in the URL, with the API's parameter names. */
export const SERVICE_FILTER_KEYS = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'level',
  'failingPrinciple',
  'failingCheck',
  'health',
] as const;
export type ServiceFilterKey = (typeof SERVICE_FILTER_KEYS)[number];

/** The page size when the URL names none: the API's default. */
export const DEFAULT_PAGE_SIZE = SERVICE_LIST_DEFAULT_LIMIT;
/** The page sizes offered; a URL may ask for any up to the API's maximum. */
export const PAGE_SIZES = [DEFAULT_PAGE_SIZE, 50, 100] as const;
const MAX_PAGE_SIZE = SERVICE_LIST_MAX_LIMIT;

/** Everything about the services overview that a shared link reproduces. */
export interface ServiceListUrlState {
  filters: Record<ServiceFilterKey, string[]>;
  search: string;
  orderBy?: ServiceSortField;
  order: 'asc' | 'desc';
  /** 0-based; the URL holds it 1-based (`page=2` is the second page). */
  page: number;
  pageSize: number;
  /** Only the services owned by the signed-in user and their groups. */
  mine: boolean;
}

/** The refs kinds that short values (`owner=orders-team`) are completed with. */
const DEFAULT_KINDS: Partial<Record<ServiceFilterKey, string>> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
};

function emptyFilters(): Record<ServiceFilterKey, string[]> {
  return {
    owner: [],
    system: [],
    domain: [],
    lifecycle: [],
    level: [],
    failingPrinciple: [],
    failingCheck: [],
    health: [],
  };
}

export const EMPTY_SERVICE_LIST_STATE: ServiceListUrlState = {
  filters: emptyFilters(),
  search: '',
  order: 'asc',
  page: 0,
  pageSize: DEFAULT_PAGE_SIZE,
  mine: false,
};

function normalizeFilterValue(key: ServiceFilterKey, value: string): string {
  const kind = DEFAULT_KINDS[key];
  if (kind) return normalizeRef(value, kind);
  const trimmed = value.trim();
  // Levels are names an adopter configures; everything else is lower-case, as the API stores it.
  return key === 'level' ? trimmed : trimmed.toLocaleLowerCase('en-US');
}

function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * Reads the overview state from a URL's query. Each filter is repeatable and also takes
 * comma-separated values, as the API does; short refs are completed (`owner=orders-team` means
 * `group:default/orders-team`). What cannot be understood is ignored, never an error.
 */
export function parseServiceListUrl(
  params: URLSearchParams,
): ServiceListUrlState {
  const filters = emptyFilters();
  for (const key of SERVICE_FILTER_KEYS) {
    const values = params
      .getAll(key)
      .flatMap(v => v.split(','))
      .map(v => v.trim())
      .filter(Boolean)
      .map(v => normalizeFilterValue(key, v));
    filters[key] = [...new Set(values)];
  }
  const orderBy = params.get('orderBy');
  const page = positiveInteger(params.get('page'));
  const pageSize = positiveInteger(params.get('pageSize'));
  return {
    filters,
    search: (params.get('search') ?? '').trim(),
    orderBy: (SERVICE_SORT_FIELDS as readonly string[]).includes(orderBy ?? '')
      ? (orderBy as ServiceSortField)
      : undefined,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: page ? page - 1 : 0,
    pageSize: pageSize ? Math.min(pageSize, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE,
    mine: ['1', 'true', 'yes'].includes(params.get('mine') ?? ''),
  };
}

/** Writes the state as a URL query, leaving out what is at its default. */
export function serializeServiceListUrl(
  state: Partial<Omit<ServiceListUrlState, 'filters'>> & {
    filters?: Partial<Record<ServiceFilterKey, string[]>>;
  },
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SERVICE_FILTER_KEYS) {
    for (const value of state.filters?.[key] ?? []) params.append(key, value);
  }
  if (state.search) params.set('search', state.search);
  if (state.mine) params.set('mine', 'true');
  if (state.orderBy) {
    params.set('orderBy', state.orderBy);
    if (state.order === 'desc') params.set('order', 'desc');
  }
  if (state.page) params.set('page', String(state.page + 1));
  if (state.pageSize && state.pageSize !== DEFAULT_PAGE_SIZE) {
    params.set('pageSize', String(state.pageSize));
  }
  return params;
}

/** A link to the overview with these filters (`?owner=group%3Adefault%2Forders-team`). */
export function servicesOverviewLink(
  basePath: string,
  filters: Partial<Record<ServiceFilterKey, string[]>>,
): string {
  const query = serializeServiceListUrl({ filters }).toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** True when any filter, the search or "only mine" narrows the list. */
export function isFiltered(state: ServiceListUrlState): boolean {
  return (
    state.mine ||
    state.search !== '' ||
    SERVICE_FILTER_KEYS.some(key => state.filters[key].length > 0)
  );
}

/**
 * The API query for a state. With "only mine", the owners are the user's ownership refs
 * (intersected with the chosen owners, if any); `undefined` means nothing can match, so there is
 * no need to ask the backend.
 */
export function toServiceListQuery(
  state: ServiceListUrlState,
  ownershipRefs: string[] = [],
): ServiceListQuery | undefined {
  let owner = state.filters.owner;
  if (state.mine) {
    const mine = ownershipRefs.map(r => r.toLocaleLowerCase('en-US'));
    owner = owner.length ? owner.filter(o => mine.includes(o)) : mine;
    if (owner.length === 0) return undefined;
  }
  const query: ServiceListQuery = {
    offset: state.page * state.pageSize,
    limit: state.pageSize,
  };
  if (owner.length) query.owner = owner;
  for (const key of SERVICE_FILTER_KEYS) {
    if (key !== 'owner' && state.filters[key].length) {
      // `health` values are checked by the backend (400 for an unknown status).
      (query as Record<string, string[]>)[key] = state.filters[key];
    }
  }
  if (state.search) query.search = state.search;
  if (state.orderBy) {
    query.orderBy = state.orderBy;
    query.order = state.order;
  }
  return query;
}
