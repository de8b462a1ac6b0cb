import type { Entity } from '@backstage/catalog-model';
import type { ServiceDetail } from '@microservices-backstage/plugin-microservices-common';
import { buildDependencyModel, toDependencyGraph } from './dependencyModel';

const detail: Pick<
  ServiceDetail,
  'entityRef' | 'checks' | 'upstream' | 'downstream'
> = {
  entityRef: 'component:default/inventory-service',
  upstream: [
    {
      entityRef: 'component:default/allocation-service',
      via: 'consumesApis',
      apiRef: 'api:default/allocation-api',
    },
    {
      entityRef: 'component:default/auth-service',
      via: 'consumesApis',
      apiRef: 'api:default/auth-api',
    },
    {
      entityRef: 'component:default/auth-service',
      via: 'consumesApis',
      apiRef: 'api:default/token-api',
    },
    { entityRef: 'resource:default/inventory-db', via: 'dependsOn' },
  ],
  downstream: [
    {
      entityRef: 'component:default/replenishment-service',
      via: 'consumesApis',
      apiRef: 'api:default/inventory-api',
    },
  ],
  checks: [
    {
      id: 'fault-isolation.no-dependency-cycle',
      principle: 'fault-isolation',
      status: 'fail',
      message: '',
      remediation: '',
      weight: 3,
      related: [
        'component:default/allocation-service',
        'component:default/replenishment-service',
      ],
    },
    {
      id: 'decentralized-data.no-shared-datastore',
      principle: 'decentralized-data',
      status: 'fail',
      message: '',
      remediation: '',
      weight: 3,
      related: [
        'resource:default/inventory-db',
        'component:default/loyalty-service',
      ],
    },
  ],
};

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'inventory-service' },
  spec: {},
  relations: [
    { type: 'providesApi', targetRef: 'api:default/inventory-api' },
    { type: 'consumesApi', targetRef: 'api:default/allocation-api' },
    { type: 'consumesApi', targetRef: 'api:default/unprovided-api' },
  ],
};

describe('buildDependencyModel', () => {
  it('splits edges into components, resources and dependents, merging APIs per provider', () => {
    const model = buildDependencyModel(detail, entity);
    expect(model.upstream.map(i => [i.entityRef, i.apiRefs])).toEqual([
      ['component:default/allocation-service', ['api:default/allocation-api']],
      [
        'component:default/auth-service',
        ['api:default/auth-api', 'api:default/token-api'],
      ],
    ]);
    expect(model.resources.map(i => [i.entityRef, i.direct])).toEqual([
      ['resource:default/inventory-db', true],
    ]);
    expect(model.downstream.map(i => i.entityRef)).toEqual([
      'component:default/replenishment-service',
    ]);
    expect(model.apisProvided).toEqual(['api:default/inventory-api']);
    expect(model.apisConsumed).toEqual([
      'api:default/allocation-api',
      'api:default/auth-api',
      'api:default/token-api',
      'api:default/unprovided-api',
    ]);
  });

  it("marks cycle members and shared datastores from the checks' related refs", () => {
    const model = buildDependencyModel(detail, entity);
    expect(model.cycleRefs).toEqual([
      'component:default/allocation-service',
      'component:default/replenishment-service',
    ]);
    expect(model.upstream[0].inCycle).toBe(true);
    expect(model.upstream[1].inCycle).toBe(false);
    expect(model.downstream[0].inCycle).toBe(true);
    expect(model.sharedDatastoreRefs).toEqual([
      'resource:default/inventory-db',
    ]);
    expect(model.datastoreSharingServiceRefs).toEqual([
      'component:default/loyalty-service',
    ]);
    expect(model.resources[0].sharesDatastore).toBe(true);
  });

  it('marks nothing when the checks pass', () => {
    const model = buildDependencyModel({
      ...detail,
      checks: detail.checks.map(c => ({ ...c, status: 'pass' as const })),
    });
    expect(model.cycleRefs).toEqual([]);
    expect(model.sharedDatastoreRefs).toEqual([]);
    expect(model.apisProvided).toEqual([]);
  });
});

describe('toDependencyGraph', () => {
  it('draws dependents → service → dependencies, with marks in words', () => {
    const graph = toDependencyGraph(buildDependencyModel(detail, entity), ref =>
      ref.slice(ref.indexOf('/') + 1),
    );
    expect(graph.nodes.map(n => [n.id, n.role, n.marks])).toEqual([
      [
        'component:default/inventory-service',
        'service',
        ['in a cycle', 'shares a datastore'],
      ],
      ['component:default/allocation-service', 'upstream', ['in a cycle']],
      ['component:default/auth-service', 'upstream', []],
      ['resource:default/inventory-db', 'upstream', ['shared datastore']],
      ['component:default/replenishment-service', 'downstream', ['in a cycle']],
    ]);
    expect(graph.edges).toContainEqual({
      from: 'component:default/inventory-service',
      to: 'component:default/auth-service',
      label: 'via auth-api, token-api',
    });
    expect(graph.edges).toContainEqual({
      from: 'component:default/replenishment-service',
      to: 'component:default/inventory-service',
      label: 'via inventory-api',
    });
  });
});
