import type { Knex } from 'knex';
import type {
  CheckResult,
  LandscapeHistoryPoint,
  DependencyRef,
  ScoreHistoryPoint,
  ServiceDetail,
  ServiceListQuery,
  ServiceSortField,
  ServiceSummary,
} from '@microservices-backstage/plugin-microservices-common';
import type {
  EvaluationRunRecord,
  HistoryRetention,
  MicroservicesStore,
} from './MicroservicesStore';

const RESULTS = 'microservices_service_results';
const HISTORY = 'microservices_score_history';
const RUNS = 'microservices_runs';

/** Rows are written in chunks so that no statement exceeds the drivers' parameter limits. */
const INSERT_CHUNK = 200;

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
};

const SUMMARY_COLUMNS = [
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
  evaluated_at: string;
};

function toSummary(row: ResultRow): ServiceSummary {
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
    // Live probing comes later; until then health is honestly unknown.
    health: { status: 'unknown' },
    evaluatedAt: row.evaluated_at,
  };
}

function toRow(service: ServiceDetail): ResultRow {
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
    evaluated_at: service.evaluatedAt,
  };
}

/** {@link MicroservicesStore} on knex: SQLite (embedded) and PostgreSQL. */
export class KnexMicroservicesStore implements MicroservicesStore {
  constructor(private readonly db: Knex) {}

  async saveRun(run: EvaluationRunRecord): Promise<void> {
    const rows = run.services.map(toRow);
    await this.db.transaction(async tx => {
      // Services that left the catalog lose their latest result; their history ages out.
      await tx(RESULTS).delete();
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await tx(RESULTS).insert(rows.slice(i, i + INSERT_CHUNK));
      }
      const history = rows.map(r => ({
        entity_ref: r.entity_ref,
        score: r.score,
        level: r.level,
        evaluated_at: r.evaluated_at,
      }));
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
    });
  }

  async listServices(
    query: ServiceListQuery,
    visible?: Set<string>,
  ): Promise<{ items: ServiceSummary[]; totalCount: number }> {
    const filtered = this.filteredServices(query);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const direction = query.order === 'desc' ? 'desc' : 'asc';
    const sorted = filtered
      .clone()
      .select(SUMMARY_COLUMNS)
      .orderBy(SORT_COLUMNS[query.orderBy ?? 'name'], direction)
      .orderBy('entity_ref', 'asc');
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
    if (query.level?.length) q.whereIn('level', query.level);
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
          .orWhereRaw(`entity_ref like ? escape '\\'`, [term]),
      );
    }
    return q;
  }

  async getService(entityRef: string): Promise<ServiceDetail | undefined> {
    const row: ResultRow | undefined = await this.db<ResultRow>(RESULTS)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first();
    if (!row) return undefined;
    return {
      ...toSummary(row),
      checks: JSON.parse(row.checks!) as CheckResult[],
      upstream: JSON.parse(row.upstream!) as DependencyRef[],
      downstream: JSON.parse(row.downstream!) as DependencyRef[],
    };
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
    const row = await this.db(RUNS).orderBy('id', 'desc').first();
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
        score: Number(r.score),
        level: r.level,
        checks: JSON.parse(r.checks!) as CheckResult[],
      }));
  }

  async getLandscapeHistory(
    runs: number,
    visible?: Set<string>,
  ): Promise<LandscapeHistoryPoint[]> {
    const times: string[] = (
      await this.db(HISTORY)
        .distinct('evaluated_at')
        .orderBy('evaluated_at', 'desc')
        .limit(runs)
    ).map(r => r.evaluated_at);
    if (times.length === 0) return [];
    const rows = await this.db(HISTORY)
      .select('entity_ref', 'score', 'level', 'evaluated_at')
      .whereIn('evaluated_at', times);
    const points = new Map<string, { total: number; levels: Map<string, number> }>();
    for (const row of rows) {
      if (visible && !visible.has(row.entity_ref)) continue;
      let point = points.get(row.evaluated_at);
      if (!point) {
        point = { total: 0, levels: new Map() };
        points.set(row.evaluated_at, point);
      }
      point.total += Number(row.score);
      point.levels.set(row.level, (point.levels.get(row.level) ?? 0) + 1);
    }
    return [...points.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([evaluatedAt, point]) => {
        const serviceCount = [...point.levels.values()].reduce((a, b) => a + b, 0);
        return {
          evaluatedAt,
          serviceCount,
          averageScore: Math.round(point.total / serviceCount),
          levels: [...point.levels.entries()].map(([level, count]) => ({ level, count })),
        };
      });
  }

  async applyRetention(
    retention: HistoryRetention,
    now: Date,
  ): Promise<{ deleted: number }> {
    const cutoff = new Date(
      now.getTime() - retention.maxAgeDays * 24 * 60 * 60 * 1000,
    ).toISOString();
    let deleted = await this.db(HISTORY).where('evaluated_at', '<', cutoff).delete();
    // Keep only the newest N points per service. Window functions exist on both
    // SQLite (3.25+) and PostgreSQL.
    const excess = this.db
      .select('id')
      .from(
        this.db(HISTORY)
          .select(
            'id',
            this.db.raw(
              'row_number() over (partition by entity_ref order by evaluated_at desc, id desc) as rank',
            ),
          )
          .as('ranked'),
      )
      .where('rank', '>', retention.maxEntriesPerService);
    deleted += await this.db(HISTORY).whereIn('id', excess).delete();
    await this.db(RUNS).where('finished_at', '<', cutoff).delete();
    return { deleted };
  }
}
