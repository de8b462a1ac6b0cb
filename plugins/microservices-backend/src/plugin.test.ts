import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { microservicesChecksExtensionPoint } from '@microservices-backstage/plugin-microservices-node';
import request from 'supertest';
import { microservicesPlugin } from './plugin';

jest.setTimeout(30_000);

function service(name: string, spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a', system: 'shop', ...spec },
  };
}

const entities: Entity[] = [
  service('orders', { dependsOn: ['component:default/payments'] }),
  service('payments', { dependsOn: ['component:default/orders'] }),
  service('secret-service', { owner: 'team-b' }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'shop' },
    spec: { owner: 'team-a' },
  },
];

/** A catalog that hides `secret-service` from everyone but the plugin itself. */
function catalogWithVisibility() {
  const backing = catalogServiceMock({ entities });
  const hidden = (options: unknown) => {
    type WithPrincipal = { credentials?: { principal?: { type?: string } } };
    return (options as WithPrincipal | undefined)?.credentials?.principal?.type === 'user';
  };
  const isSecret = (e: Entity | undefined) => e?.metadata.name === 'secret-service';
  return catalogServiceMock.mock({
    queryEntities: async (req, options) => {
      const page = await backing.queryEntities(req, options);
      return hidden(options)
        ? { ...page, items: page.items.filter(e => !isSecret(e)) }
        : page;
    },
    getEntitiesByRefs: async (req, options) => {
      const result = await backing.getEntitiesByRefs(req, options);
      return hidden(options)
        ? { items: result.items.map(e => (isSecret(e) ? undefined : e)) }
        : result;
    },
  });
}

/**
 * A policy that allows the plugin's own permissions and makes catalog reads conditional,
 * like a real policy that hides some entities: visibility then comes from the catalog.
 */
const conditionalCatalogPolicy = mockServices.permissions.mock({
  authorize: async requests => requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async requests =>
    requests.map(() => ({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: { rule: 'IS_ENTITY_OWNER', resourceType: 'catalog-entity', params: { claims: [] } },
    })),
});

function permissionsFor(options: { deny?: boolean; allowAll?: boolean }) {
  if (options.deny) return mockServices.permissions.factory({ result: AuthorizeResult.DENY });
  if (options.allowAll) return mockServices.permissions.factory({ result: AuthorizeResult.ALLOW });
  return conditionalCatalogPolicy.factory;
}

async function startBackend(
  options: { deny?: boolean; allowAll?: boolean; config?: object; modules?: any[] } = {},
) {
  const { server } = await startTestBackend({
    features: [
      microservicesPlugin,
      catalogWithVisibility().factory,
      // Requests without a token are anonymous, as in a real backend (the mock's default
      // would treat them as a signed-in user).
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      mockServices.rootConfig.factory({
        data: { microservices: { schedule: { initialDelay: { hours: 1 } } }, ...options.config },
      }),
      permissionsFor(options),
      ...(options.modules ?? []),
    ],
  });
  return server;
}

const asUser = () => mockCredentials.user.header('user:default/alice');

describe('microservices backend plugin', () => {
  it('needs credentials on every route', async () => {
    const server = await startBackend();
    for (const path of ['/health', '/services', '/services/default/orders', '/services/default/orders/history', '/checks', '/summary', '/summary/history']) {
      const res = await request(server).get(`/api/microservices${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
    expect((await request(server).post('/api/microservices/evaluate')).status).toBe(401);
  });

  it('evaluates on demand and serves the results', async () => {
    const server = await startBackend();
    const evaluated = await request(server)
      .post('/api/microservices/evaluate')
      .set('Authorization', asUser());
    expect(evaluated.status).toBe(200);
    expect(evaluated.body.serviceCount).toBe(3);

    const list = await request(server)
      .get('/api/microservices/services?orderBy=name')
      .set('Authorization', asUser());
    expect(list.status).toBe(200);
    // secret-service is hidden from this user by the catalog, so its score is too.
    expect(list.body.items.map((s: any) => s.name)).toEqual(['orders', 'payments']);
    expect(list.body.totalCount).toBe(2);
    expect(list.body.items[0]).toMatchObject({
      entityRef: 'component:default/orders',
      owner: 'group:default/team-a',
      system: 'system:default/shop',
      lifecycle: 'production',
      failingPrinciples: expect.arrayContaining(['fault-isolation']),
    });

    const one = await request(server)
      .get('/api/microservices/services/default/orders')
      .set('Authorization', asUser());
    expect(one.status).toBe(200);
    const cycleCheck = one.body.checks.find(
      (c: any) => c.id === 'fault-isolation.no-dependency-cycle',
    );
    expect(cycleCheck).toMatchObject({ status: 'fail', principle: 'fault-isolation' });
    expect(cycleCheck.remediation).toBeTruthy();
    expect(one.body.upstream).toEqual([
      {
        entityRef: 'component:default/payments',
        via: 'dependsOn',
        kind: 'component',
        exists: true,
        datastore: false,
      },
    ]);
    // The engine's graph facts travel with the detail: the UI does not re-derive them.
    expect(one.body.cycle).toEqual(['component:default/payments']);
    expect(one.body.sharedDatastores).toEqual([]);
    // No CI annotation in this catalog: below bronze, whatever the score.
    expect(one.body.level).toBe('none');
    expect(one.body.nextLevel).toMatchObject({
      level: 'bronze',
      missingChecks: ['continuous-delivery.ci-cd'],
    });

    const history = await request(server)
      .get('/api/microservices/services/default/orders/history')
      .set('Authorization', asUser());
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(1);

    const summary = await request(server)
      .get('/api/microservices/summary')
      .set('Authorization', asUser());
    expect(summary.status).toBe(200);
    expect(summary.body.serviceCount).toBe(2);
    expect(summary.body.averageScore).toEqual(expect.any(Number));
    expect(summary.body.levels.map((l: any) => l.level)).toEqual([
      'gold',
      'silver',
      'bronze',
      'none',
    ]);
    expect(summary.body.filterOptions).toMatchObject({
      owners: ['group:default/team-a'],
      systems: ['system:default/shop'],
    });
    const faultIsolation = summary.body.principles.find(
      (p: any) => p.principle === 'fault-isolation',
    );
    // Both visible services are on the cycle: counted as services, not check results.
    expect(faultIsolation).toMatchObject({ failingServices: 2, applicableServices: 2 });
    expect(summary.body.cycles).toEqual([
      ['component:default/orders', 'component:default/payments'],
    ]);

    const trend = await request(server)
      .get('/api/microservices/summary/history')
      .set('Authorization', asUser());
    expect(trend.status).toBe(200);
    // Only the two services this user may see are averaged.
    expect(trend.body.items).toEqual([
      expect.objectContaining({ serviceCount: 2 }),
    ]);

    const checks = await request(server)
      .get('/api/microservices/checks')
      .set('Authorization', asUser());
    expect(checks.body.items.map((c: any) => c.id)).toContain('devops.owned-by-team');
  });

  it('does not ask the catalog for visibility when the policy allows every read', async () => {
    const server = await startBackend({ allowAll: true });
    await request(server).post('/api/microservices/evaluate').set('Authorization', asUser());
    const list = await request(server)
      .get('/api/microservices/services?orderBy=name&limit=2')
      .set('Authorization', asUser());
    // The test catalog would hide secret-service from users; an allow-all policy does not.
    expect(list.body.totalCount).toBe(3);
    expect(list.body.items.map((s: any) => s.name)).toEqual(['orders', 'payments']);
    expect(list.body).toMatchObject({ offset: 0, limit: 2 });
    const detail = await request(server)
      .get('/api/microservices/services/default/secret-service')
      .set('Authorization', asUser());
    expect(detail.status).toBe(200);
  });

  it('answers 404 for unknown and hidden services', async () => {
    const server = await startBackend();
    await request(server).post('/api/microservices/evaluate').set('Authorization', asUser());
    for (const path of ['/services/default/nope', '/services/default/secret-service', '/services/default/nope/history']) {
      const res = await request(server).get(`/api/microservices${path}`).set('Authorization', asUser());
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('answers 400 for bad input', async () => {
    const server = await startBackend();
    for (const query of [
      'limit=abc',
      'limit=0',
      'limit=100000',
      'offset=-1',
      'orderBy=password',
      'order=sideways',
      'failingPrinciple=DROP%20TABLE',
      'bogus=1',
    ]) {
      const res = await request(server)
        .get(`/api/microservices/services?${query}`)
        .set('Authorization', asUser());
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.name).toBe('InputError');
    }
    const badName = await request(server)
      .get('/api/microservices/services/default/not%20valid')
      .set('Authorization', asUser());
    expect(badName.status).toBe(400);
    const badTrend = await request(server)
      .get('/api/microservices/summary/history?limit=0')
      .set('Authorization', asUser());
    expect(badTrend.status).toBe(400);
    const badHistory = await request(server)
      .get('/api/microservices/services/default/orders/history?since=yesterday')
      .set('Authorization', asUser());
    expect(badHistory.status).toBe(400);
  });

  it('answers 403 when the permission policy denies', async () => {
    const server = await startBackend({ deny: true });
    for (const path of ['/services', '/services/default/orders', '/services/default/orders/history', '/checks', '/summary', '/summary/history']) {
      const res = await request(server).get(`/api/microservices${path}`).set('Authorization', asUser());
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    const evaluate = await request(server).post('/api/microservices/evaluate').set('Authorization', asUser());
    expect(evaluate.status).toBe(403);
  });

  it('runs custom checks from the extension point, and reports a throwing one as an error', async () => {
    const customChecks = createBackendModule({
      pluginId: 'microservices',
      moduleId: 'custom-checks',
      register(reg) {
        reg.registerInit({
          deps: { checks: microservicesChecksExtensionPoint },
          async init({ checks }) {
            checks.addChecks(
              {
                id: 'acme.has-description',
                principle: 'acme-standards',
                title: 'Has a description',
                description: 'metadata.description is set',
                defaultWeight: 1,
                evaluate: entity =>
                  entity.metadata.description
                    ? { status: 'pass', message: 'Described.' }
                    : { status: 'fail', message: 'No description.', remediation: 'Add metadata.description.' },
              },
              {
                id: 'acme.broken',
                principle: 'acme-standards',
                title: 'Broken',
                description: 'Always throws',
                defaultWeight: 1,
                evaluate: () => {
                  throw new Error('boom');
                },
              },
            );
          },
        });
      },
    });
    const server = await startBackend({ modules: [customChecks] });
    await request(server).post('/api/microservices/evaluate').set('Authorization', asUser());
    const one = await request(server)
      .get('/api/microservices/services/default/orders')
      .set('Authorization', asUser());
    const byId = Object.fromEntries(one.body.checks.map((c: any) => [c.id, c]));
    expect(byId['acme.has-description']).toMatchObject({ status: 'fail', principle: 'acme-standards' });
    expect(byId['acme.broken']).toMatchObject({ status: 'error' });
    expect(byId['acme.broken'].message).toContain('boom');
    expect(byId['devops.owned-by-team'].status).toBe('pass');
  });

  it('refuses to start with invalid configuration, naming the key', async () => {
    await expect(
      startBackend({ config: { microservices: { thresholds: { maxFanOut: 'many' } } } }),
    ).rejects.toThrow(/microservices\.thresholds\.maxFanOut/);
  });
});
