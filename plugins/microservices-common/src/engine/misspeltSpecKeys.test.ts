import { entity } from './__fixtures__/entities';
import { misspeltSpecKeys, nearestSpecKey } from './misspeltSpecKeys';
import { evaluateCatalog } from './evaluateCatalog';

describe('misspeltSpecKeys', () => {
  it('warns about near-miss relation keys with the key Backstage reads', () => {
    const warnings = misspeltSpecKeys(
      entity('Component', 'orders', {
        type: 'service',
        providesApi: ['orders-api'],
        consumesApi: ['stock-api'],
        dependOn: ['component:stock'],
        depends_on: ['component:stock'],
        DependsOn: ['component:stock'],
        dependsOn: ['component:stock'],
      }),
    );
    expect(warnings).toEqual([
      '`spec.providesApi` is not a field Backstage reads, so it is ignored; did you mean `spec.providesApis`?',
      '`spec.consumesApi` is not a field Backstage reads, so it is ignored; did you mean `spec.consumesApis`?',
      '`spec.dependOn` is not a field Backstage reads, so it is ignored; did you mean `spec.dependsOn`?',
      '`spec.depends_on` is not a field Backstage reads, so it is ignored; did you mean `spec.dependsOn`?',
      '`spec.DependsOn` is not a field Backstage reads, so it is ignored; did you mean `spec.dependsOn`?',
    ]);
  });

  it('says nothing about known keys, unrelated extra keys, or kinds it does not know', () => {
    expect(
      misspeltSpecKeys(
        entity('Component', 'orders', {
          type: 'service',
          lifecycle: 'production',
          owner: 'team-a',
          dependencyOf: [],
          profile: {},
          runtime: 'jvm',
        }),
      ),
    ).toEqual([]);
    expect(misspeltSpecKeys(entity('Template', 't', { step: [] }))).toEqual([]);
    expect(misspeltSpecKeys({ kind: 'Component', metadata: { name: 'x' } } as any)).toEqual([]);
  });

  it('suggests Resource keys for Resources', () => {
    expect(nearestSpecKey('dependencyof', ['dependsOn', 'dependencyOf'])).toBe(
      'dependencyOf',
    );
    expect(
      misspeltSpecKeys(entity('Resource', 'db', { dependecyOf: ['component:a'] })),
    ).toEqual([
      '`spec.dependecyOf` is not a field Backstage reads, so it is ignored; did you mean `spec.dependencyOf`?',
    ]);
  });

  it('is reported with the service evaluation', () => {
    const [evaluation] = evaluateCatalog([
      entity('Component', 'orders', { type: 'service', consumesApi: ['x'] }),
    ]).services;
    expect(evaluation.warnings).toHaveLength(1);
  });
});
