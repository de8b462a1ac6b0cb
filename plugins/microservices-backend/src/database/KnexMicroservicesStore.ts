import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type {
  CheckResult,
  LandscapeHistoryPoint,
  DependencyRef,
  ScoreHistoryPoint,
  ServiceDetail,
  ServiceListQuery,
  ServiceSortField,
} from '@microservices-backstage/plugin-microservices-common';
import { SERVICE_LIST_DEFAULT_LIMIT } from '@microservices-backstage/plugin-microservices-common';
import { HEALTH_SORT_RANK } from '../health/HealthService';
import type {
  EvaluatedService,
  EvaluationRunRecord,
  HistoryRetention,
  MicroservicesStore,
  RunStatus,
  StoredServiceSummary,
} from './MicroservicesStore';

const RESULTS = 'microservices_service_results';
/** The health store's latest health per service: joined for the health filter and sort. */
const HEALTH_LATEST = 'microservices_health_latest';
const HISTORY = 'microservices_score_history';
const RUNS = 'microservices_runs';

/** Rows are written in chunks so that no statement exceeds the drivers' parameter limits. */
const INSERT_CHUNK = 200;
/** Refs per `where entity_ref in (...)`. */
const DELETE_CHUNK = 500;

/**
 * The columns a list item reads, but for its time (see SUMMARY_COLUMNS); also the first of a
 * result's content columns (see CONTENT_COLUMNS).
 */
const SUMMARY_FIELDS = [
  'entity_ref',
  'namespace',
  'name',
  'title',
  'owner',
  'system',
  'domain',
  'lifecycle',
  'score',
  'level',
  'failing_principles',
  'failing_checks',
  'dependency_count',
  'dependent_count',
] as const satisfies ReadonlyArray<keyof ResultRow>;

/**
 * The columns of a result's content: all but its time (and the hash). Their order is the
 * hash's input: stored hashes stay valid only while it stays the same.
 */
const CONTENT_COLUMNS = [
  ...SUMMARY_FIELDS,
  'checks',
  'upstream',
  'downstream',
  'facts',
] as const satisfies ReadonlyArray<keyof ResultRow>;

/**
 * A row's content without its time: equal hashes, nothing to rewrite but the time. The
 * columns are hashed as they are, each after a tag saying null or not and its length (no two
 * contents hash the same input), not serialized again: the JSON columns are most of the bytes
 * and escaping them once more cost as much as writing them.
 */
function contentHash(row: ResultRow): string {
  const hash = createHash('sha256');
  for (const column of CONTENT_COLUMNS) {
    const value = row[column];
    if (value === null || value === undefined) {
      hash.update('\u0000');
    } else {
      const text = String(value);
      hash.update(`\u0001${text.length}:`);
      hash.update(text);
    }
  }
  return hash.digest('base64');
}

const SORT_COLUMNS: Record<ServiceSortField, string> = {
  name: 'name',
  owner: 'owner',
  system: 'system',
  domain: 'domain',
  lifecycle: 'lifecycle',
  score: 'score',
  level: 'score',
  dependencyCount: 'dependency_count',
  dependentCount: 'dependent_count',
  evaluatedAt: 'evaluated_at',
  // Sorted by the rank of the joined health (HEALTH_RANK_SQL); the name comes next.
  health: 'name',
};

/**
 * The health status of a result row in SQL (the health table joined as `health`); a service
 * without a health row is `unknown` (not probed yet), as the API serves it.
 */
const HEALTH_STATUS_SQL = "coalesce(health.status, 'unknown')";
const HEALTH_RANK_SQL = `case ${HEALTH_STATUS_SQL} ${Object.entries(
  HEALTH_SORT_RANK,
)
  .map(([status, rank]) => `when '${status}' then ${rank}`)
  .join(' ')} else ${HEALTH_SORT_RANK.unknown} end`;

/** A list item's columns; entity_ref qualified, since the health table joined has one too. */
const SUMMARY_COLUMNS = [
  ...SUMMARY_FIELDS.map(c =>
    c === 'entity_ref' ? `${RESULTS}.entity_ref` : c,
  ),
  'evaluated_at',
];

type ResultRow = {
  entity_ref: string;
  namespace: string;
  name: string;
  title: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  lifecycle: string | null;
  score: number;
  level: string;
  failing_principles: string;
  failing_checks: string;
  dependency_count: number;
  dependent_count: number;
  checks?: string;
  upstream?: string;
  downstream?: string;
  facts?: string | null;
  evaluated_at: string;
  /** Of everything but evaluated_at (contentHash); null for rows written before it existed. */
  content_hash?: string | null;
};

/** The graph facts kept as one JSON column. */
type ServiceFacts = Pick<
  ServiceDetail,
  'cycle' | 'sharedDatastores' | 'nextLevel' | 'warnings'
>;

/** What a run reads of a stored result to decide what to write. */
type StoredState = {
  entity_ref: string;
  content_hash: string | null;
  score: number;
  level: string;
  evaluated_at: string;
};

type HistoryRow = {
  entity_ref: string;
  score: number;
  level: string;
  evaluated_at: string;
};

/** Whether a run's result adds a history point after `last`: on a change, or once a day. */
function isHistoryPoint(row: HistoryRow, last?: HistoryRow): boolean {
  return (
    !last ||
    Number(last.score) !== row.score ||
    last.level !== row.level ||
    last.evaluated_at.slice(0, 10) < row.evaluated_at.slice(0, 10)
  );
}

function toSummary(row: ResultRow): StoredServiceSummary {
  return {
    entityRef: row.entity_ref,
    namespace: row.namespace,
    name: row.name,
    title: row.title ?? undefined,
    owner: row.owner ?? undefined,
    system: row.system ?? undefined,
    domain: row.domain ?? undefined,
    lifecycle: row.lifecycle ?? undefined,
    score: Number(row.score),
    level: row.level,
    failingPrinciples: JSON.parse(row.failing_principles),
    failingChecks: JSON.parse(row.failing_checks),
    dependencyCount: Number(row.dependency_count),
    dependentCount: Number(row.dependent_count),
    evaluatedAt: row.evaluated_at,
  };
}

function toRow(service: EvaluatedService): ResultRow {
  const facts: ServiceFacts = {
    cycle: service.cycle,
    sharedDatastores: service.sharedDatastores,
    nextLevel: service.nextLevel,
    warnings: service.warnings,
  };
  return {
    entity_ref: service.entityRef.toLocaleLowerCase('en-US'),
    namespace: service.namespace,
    name: service.name,
    title: service.title ?? null,
    owner: service.owner ?? null,
    system: service.system ?? null,
    domain: service.domain ?? null,
    lifecycle: service.lifecycle ?? null,
    score: service.score,
    level: service.level,
    failing_principles: JSON.stringify(service.failingPrinciples),
    failing_checks: JSON.stringify(service.failingChecks),
    dependency_count: service.dependencyCount,
    dependent_count: service.dependentCount,
    checks: JSON.stringify(service.checks),
    upstream: JSON.stringify(service.upstream),
    downstream: JSON.stringify(service.downstream),
    facts: JSON.stringify(facts),
    evaluated_at: service.evaluatedAt,
  };
}

/** {@link MicroservicesStore} on knex: SQLite (embedded) and PostgreSQL. */
export class KnexMicroservicesStore implements MicroservicesStore {
  constructor(private readonly db: Knex) {}

  async saveRun(run: EvaluationRunRecord): Promise<void> {
    const written = await this.db.transaction(tx => this.writeRun(tx, run));
    if (written.rowsChanged) await this.analyzeResults();
  }

  /**
   * Fresh planner statistics after a run rewrote the results: without them SQLite picks the
   * lifecycle index (nine in ten services match) over the owner one for a filter by both, and
   * reads every row (10 ms instead of 1 ms a page at 10,000 services). About 20 ms (0.2-0.4 s
   * on PostgreSQL at 10,000 services); a failure only costs speed. Not after a run that only
   * moved the time of the results: what the planner reads of them did not change.
   */
  private async analyzeResults() {
    await this.db.raw(`analyze ${RESULTS}`).catch(() => {});
  }

  async saveRunWithRetention(
    run: EvaluationRunRecord,
    retention: HistoryRetention,
  ): Promise<{ deleted: number }> {
    const result = await this.db.transaction(async tx => {
      const written = await this.writeRun(tx, run);
      let deleted = 0;
      // The history of services that left the catalog goes with their result (by their refs:
      // no scan of the whole history). A run that found no service at all (a catalog being
      // re-ingested?) purges nothing: retention ages it out.
      if (run.services.length > 0) {
        for (let i = 0; i < written.removed.length; i += DELETE_CHUNK) {
          deleted += await tx(HISTORY)
            .whereIn('entity_ref', written.removed.slice(i, i + DELETE_CHUNK))
            .delete();
        }
      }
      deleted += (
        await this.retain(
          tx,
          retention,
          new Date(run.finishedAt),
          written.withNewPoint,
        )
      ).deleted;
      return { deleted, rowsChanged: written.rowsChanged };
    });
    if (result.rowsChanged) await this.analyzeResults();
    return { deleted: result.deleted };
  }

  /**
   * One run's writes, in chunks, inside the caller's transaction: all or nothing is seen. A
   * result whose content (all but its time) is the one stored is not written again, only its
   * time: most services do not change between runs, and their checks are most of the bytes
   * (about 6 KB a service). One read of the stored results (hash, score, level, time) decides
   * what to write and which history points to add; the history is not read for services
   * already stored. Returns the refs removed from the results, those given a history point
   * and whether any result changed.
   */
  private async writeRun(
    tx: Knex.Transaction,
    run: EvaluationRunRecord,
  ): Promise<{
    removed: string[];
    withNewPoint: string[];
    /** Whether a result was added, rewritten or removed (not only its time moved). */
    rowsChanged: boolean;
  }> {
    const rows = run.services.map(service => {
      const row = toRow(service);
      row.content_hash = contentHash(row);
      return row;
    });
    const stored = new Map<string, StoredState>(
      (
        (await tx(RESULTS).select(
          'entity_ref',
          'content_hash',
          'score',
          'level',
          'evaluated_at',
        )) as StoredState[]
      ).map(r => [r.entity_ref, r]),
    );
    const inRun = new Set(rows.map(r => r.entity_ref));
    // Services that left the catalog lose their latest result; changed ones are rewritten.
    const changed = rows.filter(
      r => stored.get(r.entity_ref)?.content_hash !== r.content_hash,
    );
    const left = [...stored.keys()].filter(ref => !inRun.has(ref));
    const removed = [
      ...left,
      ...changed.filter(r => stored.has(r.entity_ref)).map(r => r.entity_ref),
    ];
    for (let i = 0; i < removed.length; i += DELETE_CHUNK) {
      await tx(RESULTS)
        .whereIn('entity_ref', removed.slice(i, i + DELETE_CHUNK))
        .delete();
    }
    for (let i = 0; i < changed.length; i += INSERT_CHUNK) {
      await tx(RESULTS).insert(changed.slice(i, i + INSERT_CHUNK));
    }
    await this.moveTimeOfUnchanged(tx, rows, stored, changed.length);
    const history = await this.newHistoryPoints(tx, rows, stored);
    for (let i = 0; i < history.length; i += INSERT_CHUNK) {
      await tx(HISTORY).insert(history.slice(i, i + INSERT_CHUNK));
    }
    await tx(RUNS).insert({
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      service_count: rows.length,
      cycles: JSON.stringify(run.cycles),
      shared_datastores: JSON.stringify(run.sharedDatastores),
    });
    return {
      removed: left,
      withNewPoint: history.map(h => h.entity_ref),
      rowsChanged: removed.length > 0 || changed.length > 0,
    };
  }

  /**
   * The new time of the results whose content did not change. A run has one time: then one
   * statement sets it on every row not already at it (the rewritten ones are), instead of a
   * statement per chunk of refs.
   */
  private async moveTimeOfUnchanged(
    tx: Knex.Transaction,
    rows: ResultRow[],
    stored: Map<string, StoredState>,
    changedCount: number,
  ) {
    const unchangedByTime = new Map<string, string[]>();
    for (const row of rows) {
      if (stored.get(row.entity_ref)?.content_hash !== row.content_hash)
        continue;
      const refs = unchangedByTime.get(row.evaluated_at) ?? [];
      refs.push(row.entity_ref);
      unchangedByTime.set(row.evaluated_at, refs);
    }
    if (unchangedByTime.size === 0) return;
    const times = new Set(rows.map(r => r.evaluated_at));
    if (times.size === 1) {
      // Every row left in the table is in this run (the others were deleted).
      const [evaluatedAt] = times;
      const update = tx(RESULTS).update({ evaluated_at: evaluatedAt });
      if (changedCount > 0) update.whereNot('evaluated_at', evaluatedAt);
      await update;
      return;
    }
    for (const [evaluatedAt, refs] of unchangedByTime) {
      for (let i = 0; i < refs.length; i += DELETE_CHUNK) {
        await tx(RESULTS)
          .whereIn('entity_ref', refs.slice(i, i + DELETE_CHUNK))
          .update({ evaluated_at: evaluatedAt });
      }
    }
  }

  /**
   * The run's history points: a service gets one when its score or level changed since its
   * last point, or when its last point is from an earlier UTC day. For a stored service the
   * stored result says both without reading the history: every run that changed its score or
   * level added a point with them, and every run gave it a point on the run's day unless it
   * had one, so its last point has the stored score and level and is from the stored result's
   * day. Only services not stored (new, or back in the catalog) are looked up in the history.
   */
  private async newHistoryPoints(
    tx: Knex.Transaction,
    rows: ResultRow[],
    stored: Map<string, StoredState>,
  ): Promise<HistoryRow[]> {
    const notStored = rows
      .filter(r => !stored.has(r.entity_ref))
      .map(r => r.entity_ref);
    const lastOfNew = await this.latestHistoryPoints(tx, notStored);
    const points: HistoryRow[] = [];
    for (const r of rows) {
      const point = {
        entity_ref: r.entity_ref,
        score: r.score,
        level: r.level,
        evaluated_at: r.evaluated_at,
      };
      const last = stored.get(r.entity_ref) ?? lastOfNew.get(r.entity_ref);
      if (isHistoryPoint(point, last)) points.push(point);
    }
    return points;
  }

  async recordFailedRun(run: {
    startedAt: string;
    finishedAt: string;
    error: string;
  }): Promise<void> {
    await this.db(RUNS).insert({
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      service_count: 0,
      cycles: '[]',
      shared_datastores: '[]',
      status: 'failed',
      error: run.error.slice(0, 1000),
    });
  }

  async getRunStatus(): Promise<RunStatus> {
    const [latest, succeeded] = await Promise.all([
      this.db(RUNS)
        .select('status', 'started_at', 'error')
        .orderBy('id', 'desc')
        .first(),
      this.db(RUNS)
        .select('finished_at')
        .where('status', 'succeeded')
        .orderBy('id', 'desc')
        .first(),
    ]);
    const status: RunStatus = {};
    if (succeeded) status.lastSucceededAt = succeeded.finished_at;
    if (latest?.status === 'failed') {
      status.failedAt = latest.started_at;
      if (latest.error) status.error = latest.error;
    }
    return status;
  }

  /** The newest history point of each of these services, read by their refs. */
  private async latestHistoryPoints(
    tx: Knex.Transaction,
    refs: string[],
  ): Promise<Map<string, HistoryRow>> {
    const latest = new Map<string, HistoryRow>();
    for (let i = 0; i < refs.length; i += DELETE_CHUNK) {
      const rows: HistoryRow[] = await tx(HISTORY)
        .select('entity_ref', 'score', 'level', 'evaluated_at')
        .whereIn('entity_ref', refs.slice(i, i + DELETE_CHUNK));
      for (const row of rows) {
        const newest = latest.get(row.entity_ref);
        if (!newest || newest.evaluated_at < row.evaluated_at) {
          latest.set(row.entity_ref, row);
        }
      }
    }
    return latest;
  }

  async listServices(
    query: ServiceListQuery,
    visible?: Set<string>,
  ): Promise<{ items: StoredServiceSummary[]; totalCount: number }> {
    const filtered = this.filteredServices(query);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? SERVICE_LIST_DEFAULT_LIMIT;
    const direction = query.order === 'desc' ? 'desc' : 'asc';
    const sorted = filtered.clone().select(SUMMARY_COLUMNS);
    if (query.orderBy === 'health') {
      // Equal statuses in name order, in the same direction.
      sorted.orderByRaw(`${HEALTH_RANK_SQL} ${direction}`);
    }
    sorted
      .orderBy(SORT_COLUMNS[query.orderBy ?? 'name'], direction)
      .orderBy(`${RESULTS}.entity_ref`, 'asc');
    if (!visible) {
      // Everything is visible: page in the database.
      const [rows, [{ count }]] = await Promise.all([
        sorted.offset(offset).limit(limit),
        filtered.clone().count({ count: '*' }),
      ]);
      return {
        items: (rows as unknown as ResultRow[]).map(toSummary),
        totalCount: Number(count),
      };
    }
    // Visibility is a set of refs from the catalog: filter and page here.
    const rows = ((await sorted) as unknown as ResultRow[]).filter(r =>
      visible.has(r.entity_ref),
    );
    return {
      items: rows.slice(offset, offset + limit).map(toSummary),
      totalCount: rows.length,
    };
  }

  private filteredServices(query: ServiceListQuery) {
    const q = this.db<ResultRow>(RESULTS);
    if (query.health?.length || query.orderBy === 'health') {
      // Latest health, by the same lower-case ref.
      q.leftJoin(
        `${HEALTH_LATEST} as health`,
        'health.entity_ref',
        `${RESULTS}.entity_ref`,
      );
    }
    if (query.health?.length) {
      q.whereRaw(
        `${HEALTH_STATUS_SQL} in (${query.health.map(() => '?').join(', ')})`,
        [...query.health],
      );
    }
    const inList = (column: string, values?: string[]) => {
      if (values?.length) {
        q.whereIn(
          column,
          values.map(v => v.toLocaleLowerCase('en-US')),
        );
      }
    };
    inList('owner', query.owner);
    inList('system', query.system);
    inList('domain', query.domain);
    inList('lifecycle', query.lifecycle);
    // Level names come from config in any case; match them like the other filters.
    if (query.level?.length) {
      q.whereRaw(`lower(level) in (${query.level.map(() => '?').join(', ')})`, [
        ...query.level.map(v => v.toLocaleLowerCase('en-US')),
      ]);
    }
    // The JSON arrays hold validated ids ([a-z0-9.-]), so a quoted LIKE match is exact.
    for (const principle of query.failingPrinciple ?? []) {
      q.where('failing_principles', 'like', `%"${principle}"%`);
    }
    for (const check of query.failingCheck ?? []) {
      q.where('failing_checks', 'like', `%"${check}"%`);
    }
    if (query.search) {
      const term = `%${query.search
        .toLocaleLowerCase('en-US')
        .replace(/[\\%_]/g, c => `\\${c}`)}%`;
      q.where(b =>
        b
          .whereRaw(`lower(name) like ? escape '\\'`, [term])
          .orWhereRaw(`lower(coalesce(title, '')) like ? escape '\\'`, [term])
          .orWhereRaw(`${RESULTS}.entity_ref like ? escape '\\'`, [term]),
      );
    }
    return q;
  }

  async listServiceSummaries(): Promise<StoredServiceSummary[]> {
    const rows = (await this.db(RESULTS).select(
      SUMMARY_COLUMNS,
    )) as unknown as ResultRow[];
    return rows.map(toSummary);
  }

  async getResultsVersion(): Promise<string> {
    const latest = await this.db(RUNS)
      .select('id')
      .where('status', 'succeeded')
      .orderBy('id', 'desc')
      .first();
    return latest ? `run ${latest.id}` : 'no run';
  }

  async getService(entityRef: string): Promise<EvaluatedService | undefined> {
    const row: ResultRow | undefined = await this.db<ResultRow>(RESULTS)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first();
    if (!row) return undefined;
    const facts: Partial<ServiceFacts> = row.facts ? JSON.parse(row.facts) : {};
    const detail: EvaluatedService = {
      ...toSummary(row),
      checks: JSON.parse(row.checks!) as CheckResult[],
      upstream: JSON.parse(row.upstream!) as DependencyRef[],
      downstream: JSON.parse(row.downstream!) as DependencyRef[],
      sharedDatastores: facts.sharedDatastores ?? [],
      warnings: facts.warnings ?? [],
    };
    if (facts.cycle) detail.cycle = facts.cycle;
    if (facts.nextLevel) detail.nextLevel = facts.nextLevel;
    return detail;
  }

  async hasService(entityRef: string): Promise<boolean> {
    const row = await this.db(RESULTS)
      .select('entity_ref')
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first();
    return row !== undefined;
  }

  async getHistory(
    entityRef: string,
    options: { limit: number; since?: string },
  ): Promise<ScoreHistoryPoint[]> {
    const q = this.db(HISTORY)
      .select('score', 'level', 'evaluated_at')
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .orderBy('evaluated_at', 'desc')
      .limit(options.limit);
    if (options.since) q.where('evaluated_at', '>=', options.since);
    const rows = await q;
    return rows
      .map(r => ({
        score: Number(r.score),
        level: r.level,
        evaluatedAt: r.evaluated_at,
      }))
      .reverse();
  }

  async getLatestRun() {
    const row = await this.db(RUNS)
      .where('status', 'succeeded')
      .orderBy('id', 'desc')
      .first();
    if (!row) return undefined;
    return {
      startedAt: row.started_at as string,
      finishedAt: row.finished_at as string,
      cycles: JSON.parse(row.cycles) as string[][],
      sharedDatastores: JSON.parse(row.shared_datastores),
    };
  }

  async listChecks(visible?: Set<string>) {
    const rows: ResultRow[] = await this.db<ResultRow>(RESULTS).select(
      'entity_ref',
      'owner',
      'system',
      'domain',
      'lifecycle',
      'score',
      'level',
      'checks',
    );
    return rows
      .filter(r => !visible || visible.has(r.entity_ref))
      .map(r => ({
        entityRef: r.entity_ref,
        owner: r.owner ?? undefined,
        system: r.system ?? undefined,
        domain: r.domain ?? undefined,
        lifecycle: r.lifecycle ?? undefined,
        score: Number(r.score),
        level: r.level,
        checks: JSON.parse(r.checks!) as CheckResult[],
      }));
  }

  /**
   * History holds a point per service only when it changed (or once a day), so the landscape
   * at an instant is each service's newest point at or before it. The instants are the
   * latest `runs` at which any point was recorded; the services are those evaluated now.
   */
  async getLandscapeHistory(
    runs: number,
    visible?: Set<string>,
  ): Promise<LandscapeHistoryPoint[]> {
    const times: string[] = (
      await this.db(HISTORY)
        .distinct('evaluated_at')
        .orderBy('evaluated_at', 'desc')
        .limit(runs)
    )
      .map(r => r.evaluated_at)
      .reverse();
    if (times.length === 0) return [];
    const current = this.db(RESULTS).select('entity_ref');
    const rows: HistoryRow[] = await this.db(HISTORY)
      .select('entity_ref', 'score', 'level', 'evaluated_at')
      .whereIn('entity_ref', current)
      .where('evaluated_at', '<=', times[times.length - 1])
      .orderBy('evaluated_at', 'asc');
    const byService = new Map<string, HistoryRow[]>();
    for (const row of rows) {
      if (visible && !visible.has(row.entity_ref)) continue;
      const points = byService.get(row.entity_ref) ?? [];
      points.push(row);
      byService.set(row.entity_ref, points);
    }
    const cursors = new Map<string, number>();
    const result: LandscapeHistoryPoint[] = [];
    for (const time of times) {
      let total = 0;
      let count = 0;
      const levels = new Map<string, number>();
      for (const [ref, points] of byService) {
        let index = cursors.get(ref) ?? -1;
        while (
          index + 1 < points.length &&
          points[index + 1].evaluated_at <= time
        ) {
          index += 1;
        }
        cursors.set(ref, index);
        if (index < 0) continue; // not evaluated yet at that time
        const point = points[index];
        total += Number(point.score);
        count += 1;
        levels.set(point.level, (levels.get(point.level) ?? 0) + 1);
      }
      if (count === 0) continue;
      result.push({
        evaluatedAt: time,
        serviceCount: count,
        averageScore: Math.round(total / count),
        levels: [...levels.entries()].map(([level, n]) => ({
          level,
          count: n,
        })),
      });
    }
    return result;
  }

  async applyRetention(
    retention: HistoryRetention,
    now: Date,
  ): Promise<{ deleted: number }> {
    return this.db.transaction(tx => this.retain(tx, retention, now));
  }

  /**
   * History older than `maxAgeDays`, beyond the newest `maxEntriesPerService` points of a
   * service, and runs older than `maxAgeDays` or beyond the newest `maxEntriesPerService`.
   */
  private async retain(
    tx: Knex.Transaction,
    retention: HistoryRetention,
    now: Date,
    /**
     * The services that got a point since the last retention (a run's): only they can be over
     * the count; all services when absent.
     */
    withNewPoint?: string[],
  ): Promise<{ deleted: number }> {
    const cutoff = new Date(
      now.getTime() - retention.maxAgeDays * 24 * 60 * 60 * 1000,
    ).toISOString();
    let deleted = await tx(HISTORY).where('evaluated_at', '<', cutoff).delete();
    // Keep only the newest N points per service. Window functions exist on both
    // SQLite (3.25+) and PostgreSQL.
    const deleteExcess = async (refs?: string[]) => {
      const ranked = tx(HISTORY).select(
        'id',
        tx.raw(
          'row_number() over (partition by entity_ref order by evaluated_at desc, id desc) as rank',
        ),
      );
      if (refs) ranked.whereIn('entity_ref', refs);
      const excess = tx
        .select('id')
        .from(ranked.as('ranked'))
        .where('rank', '>', retention.maxEntriesPerService);
      return tx(HISTORY).whereIn('id', excess).delete();
    };
    if (!withNewPoint) {
      deleted += await deleteExcess();
    } else {
      // A run's services by their refs, and only those over the count ranked (a count on
      // the ref index), instead of ranking the whole history on every run.
      for (let i = 0; i < withNewPoint.length; i += DELETE_CHUNK) {
        const over = (
          await tx(HISTORY)
            .select('entity_ref')
            .whereIn('entity_ref', withNewPoint.slice(i, i + DELETE_CHUNK))
            .groupBy('entity_ref')
            .havingRaw('count(*) > ?', [retention.maxEntriesPerService])
        ).map(r => r.entity_ref as string);
        if (over.length > 0) deleted += await deleteExcess(over);
      }
    }
    await tx(RUNS).where('finished_at', '<', cutoff).delete();
    // Runs are kept as long as history: no more than N of them either.
    const oldestKept = await tx(RUNS)
      .select('id')
      .orderBy('id', 'desc')
      .offset(retention.maxEntriesPerService - 1)
      .first();
    if (oldestKept) await tx(RUNS).where('id', '<', oldestKept.id).delete();
    return { deleted };
  }
}
