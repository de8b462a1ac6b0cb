/*
 * Property-based test of the engine (issue 10) on random entity graphs, well-formed or not:
 * it never throws, every score is a whole number in 0-100, it is deterministic, and the
 * order of the catalog's entities changes nothing.
 */
import type { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { defaultEngineConfig } from './defaultEngineConfig';
import { evaluateCatalog } from './evaluateCatalog';

const NOW = new Date('2026-12-02T10:00:00.000Z');
const RUNS = Number(process.env.MICROSERVICES_PROPERTY_RUNS ?? 200);

const KINDS = [
  'Component',
  'System',
  'Domain',
  'Group',
  'User',
  'API',
  'Resource',
] as const;
const names = fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `e${i}`));

/** A reference to some entity: well-formed, dangling, other case, or garbage. */
const ref = fc.oneof(
  fc
    .tuple(fc.constantFrom(...KINDS), names)
    .map(([k, n]) => `${k.toLowerCase()}:default/${n}`),
  fc
    .tuple(fc.constantFrom(...KINDS), names)
    .map(([k, n]) => `${k}:Default/${n.toUpperCase()}`),
  names,
  fc.constantFrom(
    'component:other/e1',
    'group:e2',
    'user:default/e3',
    'resource:e4',
    '',
  ),
  fc.string({ maxLength: 12 }),
);

/** Odd values where the catalog usually has strings or lists. */
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 8 }),
  fc.array(
    fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)),
    { maxLength: 3 },
  ),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), {
    maxKeys: 2,
  }),
);

const refs = fc.oneof(
  { weight: 4, arbitrary: fc.array(ref, { maxLength: 5 }) },
  { weight: 1, arbitrary: junk },
);
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.option(arb, { nil: undefined, freq: 3 });

const ANNOTATION_KEYS = [
  'github.com/project-slug',
  'backstage.io/source-location',
  'pagerduty.com/service-id',
  'backstage.io/kubernetes-id',
  'argocd/app-name',
  'datadoghq.com/dashboard-url',
  'microservices.io/health-endpoint',
  'microservices.io/consistency',
  'microservices.io/exempt.devops.on-call',
];

const annotations = fc.dictionary(
  fc.constantFrom(...ANNOTATION_KEYS),
  fc.oneof(
    fc.constantFrom(
      'x',
      'url:https://example.com/repo',
      'http://127.0.0.1/h',
      'saga',
      '',
    ),
    fc.string({ maxLength: 10 }),
  ),
  { maxKeys: 5 },
);

const spec = (kind: string) =>
  fc.record(
    {
      type:
        kind === 'Component'
          ? fc.oneof(
              { weight: 8, arbitrary: fc.constant('service') },
              { weight: 1, arbitrary: fc.constantFrom('website', 'library') },
              { weight: 1, arbitrary: junk },
            )
          : fc.oneof(
              fc.constantFrom(
                'database',
                'openapi',
                'asyncapi',
                'team',
                'queue',
              ),
              junk,
            ),
      lifecycle: fc.oneof(
        fc.constantFrom('production', 'experimental', 'deprecated'),
        junk,
      ),
      owner: fc.oneof(ref, junk),
      system: fc.oneof(ref, junk),
      domain: fc.oneof(ref, junk),
      dependsOn: refs,
      dependencyOf: refs,
      consumesApis: refs,
      providesApis: refs,
      parent: ref,
      children: refs,
      memberOf: refs,
      definition: fc.oneof(
        fc.constantFrom(
          'openapi: 3.0.0\ncomponents:\n  securitySchemes: {}',
          'asyncapi: 2.0.0',
        ),
        junk,
      ),
    },
    { requiredKeys: [] },
  );

const entity = (kind: (typeof KINDS)[number], name: string) =>
  fc
    .record(
      {
        annotations: maybe(annotations),
        tags: maybe(
          fc.oneof(
            fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
            junk,
          ),
        ),
        title: maybe(fc.string({ maxLength: 10 })),
        spec: fc.oneof(
          { weight: 9, arbitrary: spec(kind) },
          { weight: 1, arbitrary: junk },
        ),
      },
      { requiredKeys: ['spec'] },
    )
    .map(
      ({ annotations: a, tags, title, spec: s }) =>
        ({
          apiVersion: 'backstage.io/v1alpha1',
          kind,
          metadata: {
            name,
            namespace: 'default',
            ...(a ? { annotations: a } : {}),
            ...(tags !== undefined ? { tags } : {}),
            ...(title !== undefined ? { title } : {}),
          },
          spec: s,
        } as unknown as Entity),
    );

/** A catalog: every (kind, name) at most once, so that the entities' order cannot matter. */
const catalog = fc
  .uniqueArray(
    fc.tuple(
      fc.constantFrom<(typeof KINDS)[number]>(
        ...KINDS,
        'Component',
        'Component',
        'Component',
      ),
      names,
    ),
    {
      maxLength: 40,
      size: 'medium',
      selector: ([k, n]) => `${k}:${n}`,
    },
  )
  .chain(keys => fc.tuple(...keys.map(([k, n]) => entity(k, n))))
  .map(list => list as Entity[]);

/** Every service's result and the graph facts, in a canonical order. */
function canonical(entities: Entity[]) {
  const evaluation = evaluateCatalog(entities, defaultEngineConfig, {
    now: NOW,
  });
  const byRef = (a: { entityRef: string }, b: { entityRef: string }) =>
    a.entityRef.localeCompare(b.entityRef);
  return {
    services: [...evaluation.services].sort(byRef).map(s => ({
      ...s,
      checks: [...s.checks].sort((a, b) => a.id.localeCompare(b.id)),
      warnings: [...s.warnings].sort(),
    })),
    cycles: evaluation.cycles
      .map(c => [...c].sort())
      .sort((a, b) => a.join().localeCompare(b.join())),
    sharedDatastores: [...evaluation.sharedDatastores]
      .map(d => JSON.stringify(d, Object.keys(d).sort()))
      .sort(),
  };
}

describe('evaluateCatalog on random entity graphs', () => {
  it('never throws and scores every service with a whole number in 0-100', () => {
    let serviceCount = 0;
    let withCycle = 0;
    fc.assert(
      fc.property(catalog, entities => {
        const { services, cycles } = evaluateCatalog(
          entities,
          defaultEngineConfig,
          { now: NOW },
        );
        serviceCount += services.length;
        if (cycles.length) withCycle += 1;
        for (const s of services) {
          expect(Number.isInteger(s.score)).toBe(true);
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
          expect(typeof s.level).toBe('string');
          for (const check of s.checks) {
            expect([
              'pass',
              'fail',
              'warn',
              'not-applicable',
              'exempt',
              'error',
            ]).toContain(check.status);
          }
        }
      }),
      { numRuns: RUNS },
    );
    // The generator makes graphs worth testing: services, and cycles among them.
    expect(serviceCount).toBeGreaterThan(RUNS);
    expect(withCycle).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(catalog, entities => {
        expect(canonical(entities)).toEqual(canonical(entities));
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order of the entities', () => {
    fc.assert(
      fc.property(
        catalog.chain(entities =>
          fc.tuple(
            fc.constant(entities),
            fc.shuffledSubarray(entities, { minLength: entities.length }),
          ),
        ),
        ([entities, shuffled]) => {
          expect(canonical(shuffled)).toEqual(canonical(entities));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
