import type {
  ServiceHealth,
  ServiceListQuery,
  ServiceSortField,
  ServiceSummary,
} from '@microservices-backstage/plugin-microservices-common';
import { SERVICE_LIST_DEFAULT_LIMIT } from '@microservices-backstage/plugin-microservices-common';
import type {
  RunStatus,
  StoredServiceSummary,
} from '../database/MicroservicesStore';
import { HEALTH_SORT_RANK, NOT_PROBED_YET } from '../health/HealthService';

/** A value of a sort column: null (none) sorts after every value, as on PostgreSQL. */
type SortValue = string | number | null;

const SORT_VALUES: Record<
  Exclude<ServiceSortField, 'health'>,
  (s: StoredServiceSummary) => SortValue
> = {
  name: s => s.name,
  owner: s => s.owner ?? null,
  system: s => s.system ?? null,
  domain: s => s.domain ?? null,
  lifecycle: s => s.lifecycle ?? null,
  score: s => s.score,
  level: s => s.score,
  dependencyCount: s => s.dependencyCount,
  dependentCount: s => s.dependentCount,
  evaluatedAt: s => s.evaluatedAt,
};

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Filter results kept per snapshot (a mask of a byte per service each), newest used last. */
const FILTER_MASKS_KEPT = 64;

/** Sort orders kept per snapshot: one per sort field and direction at most. */
type SortKey = `${ServiceSortField} ${'asc' | 'desc'}`;

/**
 * The latest run's results with the latest health and run status, in memory, as one
 * consistent version: `GET /services` is filtered, sorted and paged here without a query.
 * Immutable; sort orders and visibility masks are computed on first use and kept with it.
 * Built by {@link LatestResults}, once per run and health round (about 1 KB a service).
 */
export class LatestResultsSnapshot {
  /** Lower-case ref → position in `services`. */
  private readonly positions = new Map<string, number>();
  private readonly healthRanks: Uint8Array;
  private readonly orders = new Map<SortKey, Int32Array>();
  /** Per visible set (the catalog reader reuses a caller's set for a few seconds). */
  private readonly masks = new WeakMap<Set<string>, Uint8Array>();
  /** Per set of filters: the services matching them (the same filters page again). */
  private readonly filterMasks = new Map<string, Uint8Array>();
  /** Lower-case names and titles, for the search. */
  private searchTexts?: { names: string[]; titles: string[] };

  constructor(
    /** Identifies the results, health and run status this holds: for caches built on it. */
    readonly version: string,
    private readonly services: StoredServiceSummary[],
    private readonly health: ReadonlyArray<ServiceHealth>,
    readonly runStatus: RunStatus,
  ) {
    services.forEach((s, i) => this.positions.set(s.entityRef, i));
    this.healthRanks = Uint8Array.from(
      health,
      h => HEALTH_SORT_RANK[h.status] ?? HEALTH_SORT_RANK.unknown,
    );
  }

  get serviceCount(): number {
    return this.services.length;
  }

  /** Whether the latest run evaluated this service (lower-case ref). */
  has(entityRef: string): boolean {
    return this.positions.has(entityRef);
  }

  /** The latest health of an evaluated service; not probed yet when unknown to this. */
  healthOf(entityRef: string): ServiceHealth {
    const position = this.positions.get(entityRef);
    return position === undefined ? NOT_PROBED_YET : this.health[position];
  }

  /** Marks a result older than a failed latest run as stale. */
  withStale<T extends { evaluatedAt: string }>(item: T): T {
    const { failedAt } = this.runStatus;
    return failedAt && item.evaluatedAt < failedAt
      ? { ...item, stale: true }
      : item;
  }

  /** One page of the services matching the query that `visible` shows (all: undefined). */
  page(
    query: ServiceListQuery,
    visible: Set<string> | undefined,
  ): { items: ServiceSummary[]; totalCount: number } {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? SERVICE_LIST_DEFAULT_LIMIT;
    const order = this.order(
      query.orderBy ?? 'name',
      query.order === 'desc' ? 'desc' : 'asc',
    );
    const mask = visible ? this.mask(visible) : undefined;
    const matches = this.filterMask(query);
    const positions: number[] = [];
    let totalCount: number;
    if (!mask && !matches) {
      totalCount = order.length;
      for (let i = offset; i < Math.min(order.length, offset + limit); i++) {
        positions.push(order[i]);
      }
    } else {
      totalCount = 0;
      for (let i = 0; i < order.length; i++) {
        const position = order[i];
        if (mask && !mask[position]) continue;
        if (matches && !matches[position]) continue;
        if (totalCount >= offset && totalCount < offset + limit) {
          positions.push(position);
        }
        totalCount++;
      }
    }
    return {
      items: positions.map(p =>
        this.withStale({ ...this.services[p], health: this.health[p] }),
      ),
      totalCount,
    };
  }

  /** The services `visible` shows, as positions; undefined: every one. */
  private mask(visible: Set<string>): Uint8Array {
    let mask = this.masks.get(visible);
    if (!mask) {
      mask = Uint8Array.from(this.services, s =>
        visible.has(s.entityRef) ? 1 : 0,
      );
      this.masks.set(visible, mask);
    }
    return mask;
  }

  /** The services matching the query's filters, a byte each; undefined when it has none. */
  private filterMask(query: ServiceListQuery): Uint8Array | undefined {
    const filters = [
      query.owner,
      query.system,
      query.domain,
      query.lifecycle,
      query.level,
      query.failingPrinciple,
      query.failingCheck,
      query.health,
      query.search,
    ];
    if (filters.every(f => f === undefined || f.length === 0)) return undefined;
    const key = JSON.stringify(filters);
    let mask = this.filterMasks.get(key);
    if (mask) {
      // Most recently used last.
      this.filterMasks.delete(key);
    } else {
      const matches = this.matcher(query);
      mask = new Uint8Array(this.services.length);
      for (let p = 0; p < mask.length; p++) mask[p] = matches(p) ? 1 : 0;
      if (this.filterMasks.size >= FILTER_MASKS_KEPT) {
        this.filterMasks.delete(this.filterMasks.keys().next().value!);
      }
    }
    this.filterMasks.set(key, mask);
    return mask;
  }

  /** The query's filters as one test of a position. */
  private matcher(query: ServiceListQuery): (position: number) => boolean {
    const tests: Array<(s: StoredServiceSummary, position: number) => boolean> =
      [];
    const inList = (
      values: string[] | undefined,
      value: (s: StoredServiceSummary) => string | undefined,
    ) => {
      if (!values?.length) return;
      const wanted = new Set(values.map(v => v.toLocaleLowerCase('en-US')));
      tests.push(s => {
        const v = value(s);
        return v !== undefined && wanted.has(v);
      });
    };
    inList(query.owner, s => s.owner);
    inList(query.system, s => s.system);
    inList(query.domain, s => s.domain);
    inList(query.lifecycle, s => s.lifecycle);
    // Level names come from config in any case; match them like the other filters.
    inList(query.level, s => s.level.toLocaleLowerCase('en-US'));
    for (const principle of query.failingPrinciple ?? []) {
      tests.push(s => s.failingPrinciples.includes(principle));
    }
    for (const check of query.failingCheck ?? []) {
      tests.push(s => s.failingChecks.includes(check));
    }
    if (query.health?.length) {
      const wanted = new Set<string>(query.health);
      tests.push((_, p) => wanted.has(this.health[p].status));
    }
    if (query.search) {
      const term = query.search.toLocaleLowerCase('en-US');
      const { names, titles } = this.lowerCaseSearchTexts();
      tests.push(
        (s, p) =>
          names[p].includes(term) ||
          titles[p].includes(term) ||
          s.entityRef.includes(term),
      );
    }
    return position => {
      const service = this.services[position];
      for (const test of tests) if (!test(service, position)) return false;
      return true;
    };
  }

  private lowerCaseSearchTexts() {
    this.searchTexts ??= {
      names: this.services.map(s => s.name.toLocaleLowerCase('en-US')),
      titles: this.services.map(s =>
        (s.title ?? '').toLocaleLowerCase('en-US'),
      ),
    };
    return this.searchTexts;
  }

  /** Positions sorted by a field (health: its rank, then name), then by ref ascending. */
  private order(
    field: ServiceSortField,
    direction: 'asc' | 'desc',
  ): Int32Array {
    const key: SortKey = `${field} ${direction}`;
    let order = this.orders.get(key);
    if (order) return order;
    const sign = direction === 'desc' ? -1 : 1;
    const { services, healthRanks } = this;
    let compare: (a: number, b: number) => number;
    if (field === 'health') {
      compare = (a, b) =>
        sign * (healthRanks[a] - healthRanks[b]) ||
        sign * compareValues(services[a].name, services[b].name) ||
        compareValues(services[a].entityRef, services[b].entityRef);
    } else {
      const values = services.map(SORT_VALUES[field]);
      compare = (a, b) =>
        sign * compareValues(values[a], values[b]) ||
        compareValues(services[a].entityRef, services[b].entityRef);
    }
    order = Int32Array.from(services.keys()).sort(compare);
    this.orders.set(key, order);
    return order;
  }
}
