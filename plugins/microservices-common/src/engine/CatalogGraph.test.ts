import type { Entity } from '@backstage/catalog-model';
import { CatalogGraph } from './CatalogGraph';
import {
  api,
  entity,
  group,
  resource,
  service,
  system,
} from './__fixtures__/entities';

describe('CatalogGraph', () => {
  describe('refs', () => {
    it('normalizes refs per field and namespace, case-insensitively', () => {
      const graph = new CatalogGraph([
        entity(
          'Component',
          'Orders',
          {
            type: 'Service',
            owner: 'Team-A',
            system: 'Shop',
            consumesApis: ['Stock'],
          },
          { namespace: 'Retail' },
        ),
      ]);
      const node = graph.node('COMPONENT:retail/orders')!;
      expect(node.ref).toBe('component:retail/orders');
      expect(node.type).toBe('service');
      expect(node.owner).toEqual({
        field: 'spec.owner',
        text: 'Team-A',
        ref: 'group:retail/team-a',
      });
      expect(node.system?.ref).toBe('system:retail/shop');
      expect(node.consumesApis[0].ref).toBe('api:retail/stock');
      expect(graph.services).toHaveLength(1);
    });

    it('resolves refs into other namespaces', () => {
      const graph = new CatalogGraph([
        group('team-a'),
        entity(
          'Component',
          'orders',
          { type: 'service', owner: 'default/team-a' },
          { namespace: 'alternative' },
        ),
      ]);
      expect(graph.node('component:alternative/orders')?.owner?.ref).toBe(
        'group:default/team-a',
      );
      expect(graph.danglingRefsOf('component:alternative/orders')).toEqual([]);
    });

    it('keeps the first of duplicate entities and records the duplicate', () => {
      const first = service('orders', { owner: 'team-a' });
      const graph = new CatalogGraph([
        first,
        service('Orders', { owner: 'team-b' }),
        group('team-a'),
      ]);
      expect(graph.duplicateRefs).toEqual(['component:default/orders']);
      expect(graph.get('component:default/orders')).toBe(first);
      expect(graph.services).toEqual([first]);
    });

    it('finds the node of any input entity, in any order, a duplicate giving the first definition', () => {
      const first = service('orders', { owner: 'team-a' });
      const duplicate = service('Orders', { owner: 'team-b' });
      const payments = service('payments');
      const team = group('team-a');
      const graph = new CatalogGraph([first, duplicate, payments, team]);
      const stranger = service('payments'); // not an input object, same ref
      const asked = [payments, team, first, duplicate, payments, stranger];
      expect(asked.map(e => graph.refOf(e))).toEqual([
        'component:default/payments',
        'group:default/team-a',
        'component:default/orders',
        'component:default/orders',
        'component:default/payments',
        'component:default/payments',
      ]);
      expect(graph.nodeOf(duplicate)?.entity).toBe(first);
      expect(graph.nodeOf(stranger)?.entity).toBe(payments);
      expect(graph.nodeOf(service('unknown'))).toBeUndefined();
      expect(graph.refOf(service('unknown'))).toBe('component:default/unknown');
    });

    it('reports dangling and invalid dependency refs with the field they are in (owner, system and provided APIs have their own checks)', () => {
      const graph = new CatalogGraph([
        service('orders', {
          owner: 'nobody',
          system: ['a', 'b'],
          dependsOn: ['stock', 'resource:db'],
          providesApis: [7],
        }),
      ]);
      expect(graph.danglingRefsOf('component:default/orders')).toEqual([
        { field: 'spec.dependsOn', text: 'stock' },
        {
          field: 'spec.dependsOn',
          text: 'resource:db',
          ref: 'resource:default/db',
        },
      ]);
    });

    it('never throws on malformed entities', () => {
      const malformed = [
        null,
        42,
        {},
        { kind: 'Component', metadata: {} },
        { kind: 'Component', metadata: { name: 'no-spec' } },
        { kind: 'Component', metadata: { name: 'bad spec' }, spec: 'service' },
        { kind: 7, metadata: { name: 'x' } },
        entity('Component', 'numbers', {
          type: 'service',
          owner: 42,
          system: 7,
          dependsOn: 'component:x',
          consumesApis: { a: 1 },
          lifecycle: 3,
        }),
        entity('Component', 'nulls', {
          type: 'service',
          owner: null,
          dependsOn: [null, 1, ''],
          providesApis: null,
        }),
      ] as unknown as Entity[];
      const graph = new CatalogGraph(malformed);
      expect(graph.entities).toHaveLength(4);
      expect(graph.services.map(s => s.metadata.name)).toEqual([
        'numbers',
        'nulls',
      ]);
      expect(graph.dependenciesOf('component:default/numbers')).toEqual([
        'component:default/x',
      ]);
      expect(graph.cycles).toEqual([]);
      expect(() => graph.sharedDatastores).not.toThrow();
    });
  });

  describe('dependencies', () => {
    const graph = new CatalogGraph([
      service('orders', {
        dependsOn: ['component:stock', 'resource:orders-db', 'component:stock'],
        consumesApis: ['prices-api', 'orders-api'],
        providesApis: ['orders-api'],
      }),
      service('stock'),
      service('prices', { providesApis: ['prices-api'] }),
      service('prices-v2', { providesApis: ['prices-api'] }),
      api('prices-api'),
      resource('orders-db'),
      resource('events', { type: 'message-broker' }),
    ]);

    it('are the distinct dependsOn targets and providers of consumed APIs, without itself', () => {
      // Sorted: the result does not depend on the order of the input.
      expect(graph.dependenciesOf('component:default/orders')).toEqual([
        'component:default/prices',
        'component:default/prices-v2',
        'component:default/stock',
        'resource:default/orders-db',
      ]);
      expect(graph.dependentsOf('component:default/prices-v2')).toEqual([
        'component:default/orders',
      ]);
      expect(graph.providersOf('API:default/Prices-API')).toEqual([
        'component:default/prices',
        'component:default/prices-v2',
      ]);
    });

    it('know datastores and who uses them', () => {
      expect(graph.datastoresOf('component:default/orders')).toEqual([
        'resource:default/orders-db',
      ]);
      expect(graph.isDatastore('resource:default/events')).toBe(false);
      expect(
        graph.servicesUsingDatastore('resource:default/orders-db'),
      ).toEqual(['component:default/orders']);
    });
  });

  it('follows group parents and stops at loops', () => {
    const graph = new CatalogGraph([
      group('a', { parent: 'b' }),
      group('b', { parent: 'c' }),
      group('c', { parent: 'a' }),
    ]);
    expect(graph.groupAncestors('group:default/a')).toEqual([
      'group:default/b',
      'group:default/c',
    ]);
  });

  it('finds the system and domain of an entity', () => {
    const graph = new CatalogGraph([
      system('shop'),
      service('orders'),
      service('lost', { system: 'nowhere' }),
    ]);
    expect(graph.systemNodeOf('component:default/orders')?.ref).toBe(
      'system:default/shop',
    );
    expect(graph.domainOf('component:default/orders')).toBe(
      'domain:default/commerce',
    );
    expect(graph.systemNodeOf('component:default/lost')).toBeUndefined();
  });

  describe('cycles', () => {
    it('finds a cycle through consumed APIs once', () => {
      const graph = new CatalogGraph([
        service('a', { consumesApis: ['b-api'], providesApis: ['a-api'] }),
        service('b', { consumesApis: ['a-api'], providesApis: ['b-api'] }),
      ]);
      expect(graph.cycles).toEqual([
        ['component:default/a', 'component:default/b'],
      ]);
      expect(graph.cycleOf('component:default/b')).toEqual([
        'component:default/a',
        'component:default/b',
      ]);
    });

    it('finds a cycle through dependsOn and a self-dependency, not a diamond', () => {
      const graph = new CatalogGraph([
        service('top', { dependsOn: ['component:left', 'component:right'] }),
        service('left', { dependsOn: ['component:bottom'] }),
        service('right', { dependsOn: ['component:bottom'] }),
        service('bottom'),
        service('x', { dependsOn: ['component:y'] }),
        service('y', { dependsOn: ['component:x'] }),
        service('self', { dependsOn: ['component:self'] }),
      ]);
      expect(graph.cycles).toEqual([
        ['component:default/self'],
        ['component:default/x', 'component:default/y'],
      ]);
      expect(graph.cycleOf('component:default/top')).toBeUndefined();
      expect(graph.dependsOnItself('component:default/self')).toBe(true);
      expect(graph.dependenciesOf('component:default/self')).toEqual([]);
    });
  });

  describe('blast radius', () => {
    it('counts distinct transitive dependent services, through non-services and cycles', () => {
      const graph = new CatalogGraph([
        service('top', { dependsOn: ['component:left', 'component:right'] }),
        service('left', { dependsOn: ['component:bottom'] }),
        entity('Component', 'right', {
          type: 'library',
          dependsOn: ['component:bottom'],
        }),
        service('bottom', { dependsOn: ['component:p'] }),
        service('p', { dependsOn: ['component:q'] }),
        service('q', { dependsOn: ['component:p'] }),
      ]);
      const radius = (name: string) =>
        graph.blastRadiusOf(`component:default/${name}`);
      expect(radius('top')).toBe(0);
      expect(radius('left')).toBe(1);
      expect(radius('right')).toBe(1);
      expect(radius('bottom')).toBe(2);
      expect(radius('p')).toBe(4);
      expect(radius('q')).toBe(4);
    });

    it('handles a 100,000-long chain iteratively', () => {
      const length = 100_000;
      const chain = Array.from({ length }, (_, i) =>
        service(
          `s${i}`,
          i + 1 < length ? { dependsOn: [`component:s${i + 1}`] } : {},
        ),
      );
      const graph = new CatalogGraph(chain);
      expect(graph.cycles).toEqual([]);
      expect(graph.blastRadiusOf(`component:default/s${length - 1}`)).toBe(
        length - 1,
      );
      expect(graph.blastRadiusOf('component:default/s1')).toBe(1);
      expect(graph.blastRadiusOf('component:default/s0')).toBe(0);
    });
  });

  it('finds deployment ids shared between services', () => {
    const deployed = (name: string, id: string) =>
      service(name, {}, { annotations: { 'backstage.io/kubernetes-id': id } });
    const graph = new CatalogGraph([
      deployed('a', 'shop'),
      deployed('b', 'shop'),
      deployed('c', 'c'),
    ]);
    expect(graph.sharedDeploymentIdsOf('component:default/a')).toEqual([
      {
        annotation: 'backstage.io/kubernetes-id',
        value: 'shop',
        services: ['component:default/a', 'component:default/b'],
      },
    ]);
    expect(graph.sharedDeploymentIdsOf('component:default/c')).toEqual([]);
  });
});

describe('CatalogGraph: spec.dependencyOf, as Backstage derives it', () => {
  it('gives a gateway the backends that declare dependencyOf it, and them their dependent', () => {
    const graph = new CatalogGraph([
      service('gateway'),
      service('orders', { dependencyOf: ['component:gateway'] }),
      service('stock', { dependencyOf: 'component:default/Gateway' }),
    ]);
    expect(graph.dependenciesOf('component:default/gateway').sort()).toEqual([
      'component:default/orders',
      'component:default/stock',
    ]);
    expect(graph.upstreamOf('component:default/gateway')).toContainEqual({
      from: 'component:default/gateway',
      to: 'component:default/orders',
      via: 'dependencyOf',
    });
    expect(graph.dependentsOf('component:default/orders')).toEqual([
      'component:default/gateway',
    ]);
    expect(graph.downstreamOf('component:default/stock')).toHaveLength(1);
  });

  it('sees a datastore named by two services only through its own dependencyOf as shared', () => {
    const graph = new CatalogGraph([
      service('orders', { owner: 'team-a' }),
      service('reports', { owner: 'team-b' }),
      resource('orders-db', {
        dependencyOf: ['component:orders', 'component:reports'],
      }),
    ]);
    expect(graph.sharedDatastores).toEqual([
      expect.objectContaining({
        datastoreRef: 'resource:default/orders-db',
        services: ['component:default/orders', 'component:default/reports'],
        conflicting: true,
      }),
    ]);
    expect(
      graph
        .sharedDatastoresOf('component:default/reports')
        .map(s => s.datastoreRef),
    ).toEqual(['resource:default/orders-db']);
  });

  it('finds a cycle closed through dependencyOf, and a self-dependency declared that way', () => {
    const graph = new CatalogGraph([
      service('a', { dependsOn: ['component:b'] }),
      service('b'),
      // b depends on c, declared on c's side; c depends on a: a -> b -> c -> a.
      service('c', {
        dependsOn: ['component:a'],
        dependencyOf: ['component:b'],
      }),
      service('self', { dependencyOf: ['component:self'] }),
    ]);
    expect(graph.cycles).toEqual([
      ['component:default/a', 'component:default/b', 'component:default/c'],
      ['component:default/self'],
    ]);
  });

  it('adds no edge for a dependencyOf naming an entity that does not exist, and reports it dangling', () => {
    const graph = new CatalogGraph([
      service('orders', { dependencyOf: ['component:ghost'] }),
    ]);
    expect(graph.dependentsOf('component:default/orders')).toEqual([]);
    expect(graph.danglingRefsOf('component:default/orders')).toEqual([
      {
        field: 'spec.dependencyOf',
        text: 'component:ghost',
        ref: 'component:default/ghost',
      },
    ]);
  });
});
