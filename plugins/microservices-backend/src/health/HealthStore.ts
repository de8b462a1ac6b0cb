import type {
  HealthHistoryPoint,
  ServiceHealth,
} from '@microservices-backstage/plugin-microservices-common';

/** One service's health as a source saw it at `checkedAt`. */
export interface HealthRecord extends ServiceHealth {
  entityRef: string;
  checkedAt: string;
  /** Which source reported it: `http` (the built-in prober), a custom source's id, or `none`. */
  source: string;
  /**
   * Kept as the latest health only, not in the history: no endpoint and no source, or a URL
   * refused by the guard (nothing was probed, and every round would repeat it).
   */
  transient?: boolean;
}

/** Storage of live health; a knex implementation backs it on SQLite and PostgreSQL. */
export interface HealthStore {
  /**
   * Replaces the latest health of every service with a probe round's (services not in it
   * lose theirs) and appends the round to the history, in one transaction.
   */
  saveRound(records: HealthRecord[]): Promise<void>;
  /**
   * A value that changes whenever the latest health changes (a round stored): how many
   * services have one and the newest time among them.
   */
  getLatestVersion(): Promise<string>;
  /** Latest health per service (lower-case refs); all when `entityRefs` is not given. */
  getLatest(entityRefs?: string[]): Promise<Map<string, ServiceHealth>>;
  /** Newest `limit` points since `since`, oldest first. */
  getHistory(
    entityRef: string,
    options: { limit: number; since?: string },
  ): Promise<HealthHistoryPoint[]>;
  /**
   * Share of the verdicts (healthy, degraded, unhealthy) since `since` that were healthy or
   * degraded; null without any (unknown, i.e. not probed or refused, does not count).
   */
  getUptime(entityRef: string, since: string): Promise<number | null>;
  /** Removes history older than `maxAgeDays`. */
  applyRetention(
    retention: { maxAgeDays: number },
    now: Date,
  ): Promise<{ deleted: number }>;
}
