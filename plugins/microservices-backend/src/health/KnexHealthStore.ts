import type { Knex } from 'knex';
import type {
  HealthHistoryPoint,
  HealthStatus,
  ServiceHealth,
} from '@microservices-backstage/plugin-microservices-common';
import type { HealthRecord, HealthStore } from './HealthStore';

const LATEST = 'microservices_health_latest';
const HISTORY = 'microservices_health_history';
const INSERT_CHUNK = 200;
const MAX_MESSAGE = 1000;

type Row = {
  entity_ref: string;
  status: string;
  checked_at: string;
  latency_ms: number | null;
  http_status: number | null;
  message: string | null;
};

function toHealth(row: Row): ServiceHealth & { checkedAt: string } {
  return {
    status: row.status as HealthStatus,
    checkedAt: row.checked_at,
    ...(row.latency_ms !== null && row.latency_ms !== undefined
      ? { latencyMs: Number(row.latency_ms) }
      : {}),
    ...(row.http_status !== null && row.http_status !== undefined
      ? { httpStatus: Number(row.http_status) }
      : {}),
    ...(row.message ? { message: row.message } : {}),
  };
}

function toRow(record: HealthRecord): Row {
  return {
    entity_ref: record.entityRef.toLocaleLowerCase('en-US'),
    status: record.status,
    checked_at: record.checkedAt,
    latency_ms:
      record.latencyMs === undefined ? null : Math.round(record.latencyMs),
    http_status: record.httpStatus ?? null,
    message: record.message ? record.message.slice(0, MAX_MESSAGE) : null,
  };
}

/** {@link HealthStore} on knex: SQLite (embedded) and PostgreSQL. */
export class KnexHealthStore implements HealthStore {
  constructor(private readonly db: Knex) {}

  async saveRound(records: HealthRecord[]): Promise<void> {
    const rows = records.map(toRow);
    const latest = records.map((r, i) => ({
      ...rows[i],
      source: r.source.slice(0, 100),
    }));
    const history = rows.filter((_, i) => !records[i].transient);
    await this.db.transaction(async tx => {
      await tx(LATEST).delete();
      for (let i = 0; i < latest.length; i += INSERT_CHUNK) {
        await tx(LATEST).insert(latest.slice(i, i + INSERT_CHUNK));
      }
      for (let i = 0; i < history.length; i += INSERT_CHUNK) {
        await tx(HISTORY).insert(history.slice(i, i + INSERT_CHUNK));
      }
    });
  }

  async getLatestVersion(): Promise<string> {
    const [row] = await this.db(LATEST)
      .count({ count: '*' })
      .max({ newest: 'checked_at' })
      .min({ oldest: 'checked_at' });
    return `${Number(row?.count ?? 0)}/${row?.oldest ?? ''}/${
      row?.newest ?? ''
    }`;
  }

  async getLatest(entityRefs?: string[]): Promise<Map<string, ServiceHealth>> {
    const q = this.db<Row>(LATEST).select(
      'entity_ref',
      'status',
      'checked_at',
      'latency_ms',
      'http_status',
      'message',
    );
    const result = new Map<string, ServiceHealth>();
    if (entityRefs) {
      const refs = entityRefs.map(r => r.toLocaleLowerCase('en-US'));
      for (let i = 0; i < refs.length; i += 500) {
        const rows: Row[] = await q
          .clone()
          .whereIn('entity_ref', refs.slice(i, i + 500));
        for (const row of rows) result.set(row.entity_ref, toHealth(row));
      }
      return result;
    }
    for (const row of (await q) as Row[])
      result.set(row.entity_ref, toHealth(row));
    return result;
  }

  async getHistory(
    entityRef: string,
    options: { limit: number; since?: string },
  ): Promise<HealthHistoryPoint[]> {
    const q = this.db<Row>(HISTORY)
      .select(
        'entity_ref',
        'status',
        'checked_at',
        'latency_ms',
        'http_status',
        'message',
      )
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .orderBy('checked_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit);
    if (options.since) q.where('checked_at', '>=', options.since);
    const rows = (await q) as Row[];
    return rows.map(toHealth).reverse();
  }

  async getUptime(entityRef: string, since: string): Promise<number | null> {
    const rows: Array<{ status: string; count: string | number }> =
      await this.db(HISTORY)
        .select('status')
        .count({ count: '*' })
        .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
        .where('checked_at', '>=', since)
        .whereIn('status', ['healthy', 'degraded', 'unhealthy'])
        .groupBy('status');
    let up = 0;
    let total = 0;
    for (const row of rows) {
      const count = Number(row.count);
      total += count;
      if (row.status !== 'unhealthy') up += count;
    }
    return total === 0 ? null : up / total;
  }

  async applyRetention(
    retention: { maxAgeDays: number },
    now: Date,
  ): Promise<{ deleted: number }> {
    const cutoff = new Date(
      now.getTime() - retention.maxAgeDays * 24 * 60 * 60 * 1000,
    ).toISOString();
    let deleted = await this.db(HISTORY)
      .where('checked_at', '<', cutoff)
      .delete();
    // Services no longer in the catalog (not in the latest round) leave no history behind.
    // An empty latest round (catalog being re-ingested?) purges nothing.
    if (await this.db(LATEST).first('entity_ref')) {
      deleted += await this.db(HISTORY)
        .whereNotIn('entity_ref', this.db(LATEST).select('entity_ref'))
        .delete();
    }
    return { deleted };
  }
}
