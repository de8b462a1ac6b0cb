/*
 * The scoring run's writes (issue 11): the results written incrementally (only what changed,
 * the time of the rest moved in one statement) equal a fresh write of the same run; history
 * points follow the rule (score or level changed, or a new UTC day) without reading the
 * history of stored services; retention ranks only the services the run gave a point.
 */
import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import {
  evaluatedService,
  evaluationRun,
  migratedStore,
  testDatabases,
} from '../__testUtils__/migratedStore';
import { KnexMicroservicesStore } from './KnexMicroservicesStore';
import type { EvaluatedService } from './MicroservicesStore';

jest.setTimeout(120_000);

const databases = testDatabases();

const RETENTION = { maxAgeDays: 30, maxEntriesPerService: 1000 };

function service(
  name: string,
  score: number,
  evaluatedAt: string,
  message = 'ok',
): EvaluatedService {
  return evaluatedService(name, {
    owner: 'group:default/team-a',
    lifecycle: 'production',
    score,
    level: score >= 50 ? 'silver' : 'none',
    failingPrinciples: score >= 50 ? [] : ['devops'],
    failingChecks: score >= 50 ? [] : ['devops.on-call'],
    evaluatedAt,
    checks: [
      {
        id: 'devops.on-call',
        principle: 'devops',
        status: score >= 50 ? 'pass' : 'fail',
        message,
        remediation: '',
        weight: 1,
      },
    ],
  });
}

async function createStore(id: TestDatabaseId) {
  return migratedStore(await databases.init(id));
}

function save(
  store: KnexMicroservicesStore,
  services: EvaluatedService[],
  at: string,
  retention = RETENTION,
) {
  return store.saveRunWithRetention(
    evaluationRun(at, services, { finishedAt: at }),
    retention,
  );
}

const allResults = (knex: Knex) =>
  knex('microservices_service_results').select('*').orderBy('entity_ref');

const allHistory = async (knex: Knex) =>
  (
    await knex('microservices_score_history')
      .select('entity_ref', 'score', 'level', 'evaluated_at')
      .orderBy(['entity_ref', 'evaluated_at'])
  ).map(r => ({ ...r, score: Number(r.score) }));

/** Deterministic pseudo-random numbers (a run's changes). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe.each(databases.eachSupportedId())(
  'scoring run writes on %p',
  (databaseId: TestDatabaseId) => {
    it('writes incrementally what a fresh write of the run stores, and history by the rule', async () => {
      const { knex, store } = await createStore(databaseId);
      const next = random(7);
      const names = Array.from({ length: 40 }, (_, i) => `svc-${i}`);
      const state = new Map<string, { score: number; message: string }>();
      // The rule, on its own: a point when score or level changed since the service's last
      // point, or when that point is from an earlier UTC day.
      const expected: Array<Record<string, unknown>> = [];
      const lastPoint = new Map<
        string,
        { score: number; level: string; at: string }
      >();
      const times = [
        '2026-11-29T10:00:00.000Z',
        '2026-11-29T11:00:00.000Z',
        '2026-11-29T12:00:00.000Z',
        '2026-11-30T01:00:00.000Z',
        '2026-11-30T02:00:00.000Z',
        '2026-12-01T09:00:00.000Z',
      ];
      let services: EvaluatedService[] = [];
      for (const [run, at] of times.entries()) {
        services = [];
        for (const name of names) {
          // Some services leave the catalog for a run and come back.
          if (run > 0 && next() < 0.1) continue;
          const before = state.get(name) ?? { score: 40 + run, message: 'ok' };
          const roll = next();
          let now = before;
          if (roll < 0.2) {
            now = { ...before, score: Math.floor(next() * 100) }; // score (and maybe level)
          } else if (roll < 0.3) {
            now = { ...before, message: `changed in run ${run}` }; // content only
          }
          state.set(name, now);
          services.push(service(name, now.score, at, now.message));
        }
        await save(store, services, at);
        for (const s of services) {
          const last = lastPoint.get(s.entityRef);
          if (
            !last ||
            last.score !== s.score ||
            last.level !== s.level ||
            last.at.slice(0, 10) < at.slice(0, 10)
          ) {
            lastPoint.set(s.entityRef, { score: s.score, level: s.level, at });
            expected.push({
              entity_ref: s.entityRef,
              score: s.score,
              level: s.level,
              evaluated_at: at,
            });
          }
        }
        // Services that left lose their history with their result.
        const present = new Set(services.map(s => s.entityRef));
        for (const ref of [...lastPoint.keys()]) {
          if (!present.has(ref)) {
            lastPoint.delete(ref);
            expected.splice(
              0,
              expected.length,
              ...expected.filter(p => p.entity_ref !== ref),
            );
          }
        }
      }
      expect(await allHistory(knex)).toEqual(
        [...expected].sort((a, b) =>
          `${a.entity_ref} ${a.evaluated_at}`.localeCompare(
            `${b.entity_ref} ${b.evaluated_at}`,
          ),
        ),
      );
      // The last run written at once into an empty store: the same rows, to the byte.
      const fresh = await createStore(databaseId);
      await save(fresh.store, services, times[times.length - 1]);
      const incremental = await allResults(knex);
      expect(incremental).toHaveLength(services.length);
      expect(incremental).toEqual(await allResults(fresh.knex));
    });

    it('reads the history only for services it does not store, and ranks only those given a point', async () => {
      const { knex, store } = await createStore(databaseId);
      const names = Array.from({ length: 30 }, (_, i) => `svc-${i}`);
      await save(
        store,
        names.map(n => service(n, 70, '2026-11-29T10:00:00.000Z')),
        '2026-11-29T10:00:00.000Z',
      );
      const historyReads: string[] = [];
      const onQuery = (q: { sql: string }) => {
        if (/^select .* from .microservices_score_history/i.test(q.sql)) {
          historyReads.push(q.sql);
        }
      };
      knex.on('query', onQuery);
      // svc-0 changes; svc-new arrives; the others are unchanged.
      const at = '2026-11-29T11:00:00.000Z';
      await save(
        store,
        [
          ...names.map(n => service(n, n === 'svc-0' ? 30 : 70, at)),
          service('svc-new', 50, at),
        ],
        at,
        { maxAgeDays: 30, maxEntriesPerService: 1 },
      );
      knex.off('query', onQuery);
      // Each read of the history names the services it is about (no scan of all of it).
      expect(historyReads.length).toBeGreaterThan(0);
      for (const sql of historyReads) {
        expect(sql).toMatch(/entity_ref. in \(/);
      }
      // svc-0 got a second point and is over the count of 1: trimmed to its newest.
      expect(
        (await allHistory(knex)).filter(
          p => p.entity_ref === 'component:default/svc-0',
        ),
      ).toEqual([
        {
          entity_ref: 'component:default/svc-0',
          score: 30,
          level: 'none',
          evaluated_at: at,
        },
      ]);
      expect(await allHistory(knex)).toHaveLength(31);
    });

    it('moves the time of unchanged results in one statement', async () => {
      const { knex, store } = await createStore(databaseId);
      const names = Array.from({ length: 1200 }, (_, i) => `svc-${i}`);
      await save(
        store,
        names.map(n => service(n, 70, '2026-11-29T10:00:00.000Z')),
        '2026-11-29T10:00:00.000Z',
      );
      const updates: string[] = [];
      const onQuery = (q: { sql: string }) => {
        if (/^update .microservices_service_results/i.test(q.sql)) {
          updates.push(q.sql);
        }
      };
      knex.on('query', onQuery);
      const at = '2026-11-29T11:00:00.000Z';
      await save(
        store,
        names.map(n => service(n, n === 'svc-5' ? 20 : 70, at)),
        at,
      );
      knex.off('query', onQuery);
      expect(updates).toHaveLength(1);
      const times = await knex('microservices_service_results')
        .distinct('evaluated_at')
        .pluck('evaluated_at');
      expect(times).toEqual([at]);
    });

    it('refreshes the planner statistics only after a run that changed a result', async () => {
      const { knex, store } = await createStore(databaseId);
      const analyzes: string[] = [];
      const onQuery = (q: { sql: string }) => {
        if (/^analyze/i.test(q.sql)) analyzes.push(q.sql);
      };
      knex.on('query', onQuery);
      const names = ['a', 'b', 'c'];
      const runAt = (at: string, score = 70) =>
        save(
          store,
          names.map(n => service(n, n === 'b' ? score : 70, at)),
          at,
        );
      await runAt('2026-11-29T10:00:00.000Z');
      expect(analyzes).toHaveLength(1);
      // Only the time moved (and a daily history point): nothing the planner reads changed.
      await runAt('2026-11-30T10:00:00.000Z');
      expect(analyzes).toHaveLength(1);
      await runAt('2026-11-30T11:00:00.000Z', 20);
      expect(analyzes).toHaveLength(2);
      knex.off('query', onQuery);
    });
  },
);
