import type { Entity } from '@backstage/catalog-model';
import type {
  DependencyRef,
  ServiceDetail,
} from '@microservices-backstage/plugin-microservices-common';
import {
  buildDependencyModel,
  DependencyItem,
  describeVia,
  graphSide,
  itemMarks,
} from './dependencyModel';

function edge(
  entityRef: string,
  via: DependencyRef['via'],
  extra: Partial<DependencyRef> = {},
): DependencyRef {
  const kind = entityRef.slice(0, entityRef.indexOf(':'));
  return {
    entityRef,
    via,
    kind,
    exists: true,
    datastore: false,
    ...extra,
  };
}

const detail: Pick<
  ServiceDetail,
  'entityRef' | 'upstream' | 'downstream' | 'cycle' | 'sharedDatastores'
> = {
  entityRef: 'component:default/inventory-service',
  upstream: [
    edge('component:default/allocation-service', 'consumesApis', {
      apiRef: 'api:default/allocation-api',
    }),
    edge('component:default/auth-service', 'consumesApis', {
      apiRef: 'api:default/auth-api',
    }),
    edge('component:default/auth-service', 'consumesApis', {
      apiRef: 'api:default/token-api',
    }),
    edge('resource:default/inventory-db', 'dependsOn', { datastore: true }),
    edge('resource:default/events', 'dependencyOf', { title: 'Event bus' }),
    edge('component:default/legacy-crm', 'dependsOn', { exists: false }),
  ],
  downstream: [
    edge('component:default/replenishment-service', 'consumesApis', {
      apiRef: 'api:default/inventory-api',
    }),
    edge('component:default/picker', 'dependencyOf'),
  ],
  cycle: [
    'component:default/allocation-service',
    'component:default/replenishment-service',
  ],
  sharedDatastores: [
    {
      datastoreRef: 'resource:default/inventory-db',
      services: [
        'component:default/inventory-service',
        'component:default/loyalty-service',
      ],
      owners: ['group:default/a', 'group:default/b'],
      systems: ['system:default/s'],
      conflicting: true,
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
  it('splits edges into components, resources and dependents, merging APIs per provider, problems first', () => {
    const model = buildDependencyModel(detail, entity);
    expect(model.upstream.map(i => [i.entityRef, i.apiRefs])).toEqual([
      ['component:default/legacy-crm', []],
      ['component:default/allocation-service', ['api:default/allocation-api']],
      [
        'component:default/auth-service',
        ['api:default/auth-api', 'api:default/token-api'],
      ],
    ]);
    expect(
      model.resources.map(i => [i.entityRef, i.datastore, i.vias, i.title]),
    ).toEqual([
      ['resource:default/inventory-db', true, ['dependsOn'], undefined],
      ['resource:default/events', false, ['dependencyOf'], 'Event bus'],
    ]);
    expect(model.downstream.map(i => i.entityRef)).toEqual([
      'component:default/replenishment-service',
      'component:default/picker',
    ]);
    expect(model.apisProvided).toEqual(['api:default/inventory-api']);
    expect(model.apisConsumed).toEqual([
      'api:default/allocation-api',
      'api:default/auth-api',
      'api:default/token-api',
      'api:default/unprovided-api',
    ]);
  });

  it('marks cycle members, shared datastores and missing entities from the backend result', () => {
    const model = buildDependencyModel(detail, entity);
    expect(model.cycleRefs).toEqual([
      'component:default/allocation-service',
      'component:default/replenishment-service',
    ]);
    const byRef = (ref: string) =>
      [...model.upstream, ...model.resources, ...model.downstream].find(
        i => i.entityRef === ref,
      )!;
    expect(byRef('component:default/allocation-service').inCycle).toBe(true);
    expect(byRef('component:default/auth-service').inCycle).toBe(false);
    expect(byRef('component:default/replenishment-service').inCycle).toBe(true);
    expect(byRef('resource:default/inventory-db').shared).toEqual({
      conflicting: true,
    });
    expect(model.missing.map(m => m.entityRef)).toEqual([
      'component:default/legacy-crm',
    ]);
    expect(itemMarks(byRef('component:default/legacy-crm'))).toEqual([
      'not in the catalog',
    ]);
    expect(itemMarks(byRef('resource:default/inventory-db'))).toEqual([
      'shared with another team or system',
    ]);
  });

  it('marks nothing without cycle or shared datastores', () => {
    const model = buildDependencyModel({
      ...detail,
      cycle: undefined,
      sharedDatastores: [],
    });
    expect(model.cycleRefs).toEqual([]);
    expect(model.resources.every(r => !r.shared && !r.inCycle)).toBe(true);
    expect(model.apisProvided).toEqual([]);
  });
});

describe('describeVia', () => {
  const label = (ref: string) => ref.slice(ref.indexOf('/') + 1);
  it('says who declared a dependencyOf edge', () => {
    const model = buildDependencyModel(detail, entity);
    const events = model.resources.find(
      r => r.entityRef === 'resource:default/events',
    )!;
    expect(describeVia(events, 'upstream', label)).toEqual([
      'dependencyOf declared by events',
    ]);
    const picker = model.downstream.find(
      r => r.entityRef === 'component:default/picker',
    )!;
    expect(describeVia(picker, 'downstream', label)).toEqual([
      'dependencyOf declared by this service',
    ]);
  });
});

describe('graphSide', () => {
  const items: DependencyItem[] = Array.from({ length: 20 }, (_, i) => ({
    entityRef: `component:default/s${String(i).padStart(2, '0')}`,
    kind: 'component',
    exists: i !== 19,
    datastore: false,
    vias: ['dependsOn'],
    apiRefs: [],
    inCycle: false,
  }));

  it('shows up to 12 neighbours as they are', () => {
    expect(graphSide(items.slice(0, 12), false)).toEqual({
      shown: items.slice(0, 12),
      hidden: 0,
    });
  });

  it('collapses the rest into "+N more", keeping problems in view', () => {
    const side = graphSide(items, false);
    expect(side.shown).toHaveLength(11);
    expect(side.hidden).toBe(9);
    expect(side.shown[0].entityRef).toBe('component:default/s19');
    expect(graphSide(items, true)).toMatchObject({ hidden: 0 });
  });
});
