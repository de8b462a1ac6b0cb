import type { Entity } from '@backstage/catalog-model';
import { defaultEngineConfig } from './defaultEngineConfig';
import { evaluateCatalog } from './evaluateCatalog';
import { listConfiguredChecks } from './listConfiguredChecks';
import { resolveEngineConfig } from './resolveEngineConfig';
import type { CheckDefinition } from './types';
import {
  checkResult,
  compliantCatalog,
  compliantService,
  service,
} from './__fixtures__/entities';

const NOW = new Date('2025-03-01T12:00:00Z');
const ON_CALL = 'devops.on-call';

/** A compliant service without on-call: fails devops.on-call only. */
function withoutOnCall(annotations: Record<string, unknown> = {}): Entity {
  const entity = compliantService('orders', {}, { annotations });
  delete entity.metadata.annotations!['pagerduty.com/service-id'];
  return entity;
}

describe('evaluateCatalog', () => {
  it('gives a compliant service 100 and gold, with every built-in check in order', () => {
    const evaluation = evaluateCatalog([
      ...compliantCatalog(),
      compliantService('orders'),
    ]);
    const [orders] = evaluation.services;
    expect(orders).toMatchObject({
      entityRef: 'component:default/orders',
      score: 100,
      level: 'gold',
    });
    expect(orders.checks.map(check => check.id)).toEqual(
      listConfiguredChecks(defaultEngineConfig).map(c => c.id),
    );
    expect(
      orders.checks.filter(c => !['pass', 'not-applicable'].includes(c.status)),
    ).toEqual([]);
    expect(evaluation).toMatchObject({
      cycles: [],
      sharedDatastores: [],
      duplicateRefs: [],
    });
  });

  it('evaluates only services', () => {
    const evaluation = evaluateCatalog([
      ...compliantCatalog(),
      service('orders'),
      service('web', { type: 'website' }),
      service('CAPS', { type: 'SERVICE' }),
    ]);
    expect(evaluation.services.map(s => s.entityRef)).toEqual([
      'component:default/orders',
      'component:default/caps',
    ]);
  });

  it('scores by the configured weights and levels', () => {
    // Fails on-call (weight 2) out of 39 applicable weight: round(100 × 37 / 39).
    const entities = [...compliantCatalog(), withoutOnCall()];
    // On-call is required for silver: a high score alone is not enough.
    expect(evaluateCatalog(entities).services[0]).toMatchObject({
      score: 95,
      level: 'bronze',
      nextLevel: { level: 'silver', missingChecks: [ON_CALL] },
    });
    const config = resolveEngineConfig({
      checks: { [ON_CALL]: { weight: 20 } },
      levels: [
        { name: 'ok', minScore: 60 },
        { name: 'great', minScore: 99 },
      ],
      levelBelowAll: 'poor',
    });
    // round(100 × 37 / 57)
    expect(evaluateCatalog(entities, config).services[0]).toMatchObject({
      score: 65,
      level: 'ok',
      nextLevel: { level: 'great', missingChecks: [], scoreShortfall: 34 },
    });
  });

  it('omits disabled checks', () => {
    const config = resolveEngineConfig({
      checks: { [ON_CALL]: { enabled: false } },
    });
    const [orders] = evaluateCatalog(
      [...compliantCatalog(), withoutOnCall()],
      config,
    ).services;
    expect(orders.checks.map(c => c.id)).not.toContain(ON_CALL);
    expect(orders.score).toBe(100);
  });

  describe('extra checks', () => {
    const principle = 'data-consistency';
    const custom = (
      id: string,
      evaluate: CheckDefinition['evaluate'],
    ): CheckDefinition => ({
      id,
      principle,
      title: id,
      description: id,
      defaultWeight: 1,
      evaluate,
    });

    it('run after the built-in ones with the graph in context', () => {
      const check = custom('acme.has-dependents', (entity, { graph }) => ({
        status:
          graph.dependentsOf(graph.refOf(entity)).length > 0 ? 'pass' : 'warn',
        message: 'seen',
      }));
      const [orders] = evaluateCatalog(
        [...compliantCatalog(), compliantService('orders')],
        undefined,
        {
          extraChecks: [check],
        },
      ).services;
      expect(orders.checks[orders.checks.length - 1]).toEqual({
        id: 'acme.has-dependents',
        principle,
        status: 'warn',
        message: 'seen',
        remediation: '',
        weight: 1,
      });
      expect(orders.score).toBe(99);
    });

    it('give error when they throw or return garbage, and the run goes on', () => {
      const throwing = custom('acme.throws', () => {
        throw new Error('backend unreachable');
      });
      const garbage = custom(
        'acme.garbage',
        () => ({ status: 'great' } as any),
      );
      const [orders] = evaluateCatalog(
        [...compliantCatalog(), compliantService('orders')],
        undefined,
        {
          extraChecks: [throwing, garbage],
        },
      ).services;
      const byId = Object.fromEntries(orders.checks.map(c => [c.id, c]));
      expect(byId['acme.throws']).toMatchObject({
        status: 'error',
        message: 'backend unreachable',
      });
      expect(byId['acme.garbage']).toMatchObject({
        status: 'error',
        message: 'The check returned no valid outcome.',
      });
      expect(byId[ON_CALL].status).toBe('pass');
      expect(orders.score).toBe(95); // round(100 × 38 / 40): errors count as failures
    });

    it('have their related refs turned into strings, and empty lists dropped', () => {
      const numbers = custom('acme.numbers', () => ({
        status: 'fail',
        message: 'seen',
        related: [42, 'component:default/orders'] as any,
      }));
      const none = custom('acme.none', () => ({
        status: 'fail',
        message: 'seen',
        related: [],
      }));
      const [orders] = evaluateCatalog(
        [...compliantCatalog(), compliantService('orders')],
        undefined,
        { extraChecks: [numbers, none] },
      ).services;
      const byId = Object.fromEntries(orders.checks.map(c => [c.id, c]));
      expect(byId['acme.numbers'].related).toEqual([
        '42',
        'component:default/orders',
      ]);
      expect(byId['acme.none']).not.toHaveProperty('related');
    });

    it('must not reuse an id', () => {
      const duplicate = custom(ON_CALL, () => ({
        status: 'pass',
        message: '',
      }));
      expect(() =>
        evaluateCatalog([], undefined, { extraChecks: [duplicate] }),
      ).toThrow('Two checks have the id "devops.on-call"');
    });
  });

  describe('exemptions', () => {
    const annotation = `microservices.backstage.io/exempt.${ON_CALL}`;
    const onCallOf = (entity: Entity, config = defaultEngineConfig) =>
      checkResult([...compliantCatalog(), entity], 'orders', ON_CALL, config, {
        now: NOW,
      });

    it('waive a failing check by annotation, through its expiry day', () => {
      const result = onCallOf(
        withoutOnCall({ [annotation]: '2025-03-01: rota starts in April' }),
      );
      expect(result).toMatchObject({
        status: 'exempt',
        exemption: {
          reason: 'rota starts in April',
          expires: '2025-03-01',
          source: 'annotation',
        },
      });
      expect(result.message).toContain('Declares no on-call rotation');
      const [orders] = evaluateCatalog(
        [
          ...compliantCatalog(),
          withoutOnCall({ [annotation]: '2025-03-01: later' }),
        ],
        undefined,
        { now: NOW },
      ).services;
      expect(orders.score).toBe(100);
    });

    it('no longer apply after expiry, and say so', () => {
      const result = onCallOf(
        withoutOnCall({ [annotation]: '2025-02-28: rota starts in March' }),
      );
      expect(result.status).toBe('fail');
      expect(result.exemption).toBeUndefined();
      expect(result.message).toMatch(/ \(waiver expired on 2025-02-28\)$/);
    });

    it('are ignored with a note when malformed', () => {
      for (const value of [
        'rota starts in April',
        '2025-02-30: no such day',
        '2025-04-01:',
        2025,
      ]) {
        const result = onCallOf(withoutOnCall({ [annotation]: value }));
        expect(result.status).toBe('fail');
        expect(result.message).toContain(
          `(waiver ignored: annotation ${annotation} must read "YYYY-MM-DD: reason"`,
        );
      }
    });

    it('waive by config, matching the entity ref case-insensitively, with or without expiry', () => {
      const config = resolveEngineConfig({
        exemptions: [
          {
            entityRef: 'Component:Default/Orders',
            check: ON_CALL,
            reason: 'new team',
          },
        ],
      });
      expect(onCallOf(withoutOnCall(), config)).toMatchObject({
        status: 'exempt',
        exemption: { reason: 'new team', source: 'config' },
      });
      const expired = resolveEngineConfig({
        exemptions: [
          {
            entityRef: 'orders',
            check: ON_CALL,
            reason: 'new team',
            expires: '2025-01-31',
          },
        ],
      });
      expect(onCallOf(withoutOnCall(), expired).message).toMatch(
        /\(waiver expired on 2025-01-31\)$/,
      );
    });

    it('leave passing checks as they are', () => {
      const result = onCallOf(
        compliantService(
          'orders',
          {},
          { annotations: { [annotation]: '2030-01-01: spare' } },
        ),
      );
      expect(result.status).toBe('pass');
    });
  });

  describe('on real-world data', () => {
    it('never throws and reports what it sees', () => {
      const entities = [
        ...compliantCatalog(),
        { kind: 'Component', metadata: { name: 'no-spec' } },
        service(
          'numbers',
          {
            owner: 42,
            system: 7,
            lifecycle: 1,
            dependsOn: 'component:ghost',
            providesApis: [3],
          },
          { tags: 'go', annotations: { 'github.com/project-slug': 5 } },
        ),
        service('Mixed-Case', {
          owner: 'Group:Default/TEAM-A',
          system: 'SHOP',
        }),
        service('mixed-case', { owner: 'nobody' }),
        service(
          'elsewhere',
          { owner: 'team-a', system: 'default/shop' },
          { namespace: 'other' },
        ),
        null,
      ] as unknown as Entity[];
      const evaluation = evaluateCatalog(entities);
      expect(evaluation.duplicateRefs).toEqual([
        'component:default/mixed-case',
      ]);
      const byRef = Object.fromEntries(
        evaluation.services.map(s => [s.entityRef, s]),
      );
      expect(Object.keys(byRef)).toEqual([
        'component:default/numbers',
        'component:default/mixed-case',
        'component:other/elsewhere',
      ]);
      for (const s of evaluation.services) {
        expect(s.checks.filter(c => c.status === 'error')).toEqual([]);
      }
      const statusOf = (ref: string, id: string) =>
        byRef[ref].checks.find(c => c.id === id)!.status;
      expect(
        statusOf(
          'component:default/numbers',
          'decomposition.references-resolve',
        ),
      ).toBe('fail');
      expect(
        statusOf('component:default/numbers', 'continuous-delivery.ci-cd'),
      ).toBe('fail');
      expect(
        statusOf('component:default/mixed-case', 'devops.owned-by-team'),
      ).toBe('pass');
      expect(
        statusOf('component:default/mixed-case', 'decomposition.single-system'),
      ).toBe('pass');
      // An entity in another namespace resolves unqualified refs there.
      expect(
        statusOf('component:other/elsewhere', 'devops.owned-by-team'),
      ).toBe('fail');
      expect(
        statusOf('component:other/elsewhere', 'decomposition.single-system'),
      ).toBe('pass');
    });

    it('evaluates a 100,000-long dependency chain', () => {
      const length = 100_000;
      const chain = Array.from({ length }, (_, i) =>
        service(
          `s${i}`,
          i + 1 < length ? { dependsOn: [`component:s${i + 1}`] } : {},
        ),
      );
      // No stack overflow; speed is measured by bench/evaluateCatalog.bench.ts, not here.
      const evaluation = evaluateCatalog(chain);
      expect(evaluation.cycles).toEqual([]);
      const last = evaluation.services[length - 1].checks.find(
        c => c.id === 'fault-isolation.blast-radius',
      );
      expect(last?.message).toMatch(/^99999 services depend on it/);
    }, 60_000);

    it('names a bounded number of members of a 20,000-service cycle', () => {
      const length = 20_000;
      const ring = Array.from({ length }, (_, i) =>
        service(`r${i}`, { dependsOn: [`component:r${(i + 1) % length}`] }),
      );
      const evaluation = evaluateCatalog(ring);
      expect(evaluation.cycles).toHaveLength(1);
      expect(evaluation.cycles[0]).toHaveLength(length);
      const result = evaluation.services[0].checks.find(
        c => c.id === 'fault-isolation.no-dependency-cycle',
      );
      expect(result?.status).toBe('fail');
      expect(result?.related?.length).toBeLessThanOrEqual(100);
      expect(result?.message).toMatch(/with 19999 other entities: .* and 19989 more\.$/);
    }, 60_000);
  });
});
