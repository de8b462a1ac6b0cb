/*
 * Auth on every route (issue 10): no credentials 401, a user the policy denies 403, and a
 * user sees only the services the catalog lets them see: list, detail, history, health,
 * summary and the summary's trend.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { microservicesPlugin } from '../plugin';

jest.setTimeout(60_000);

function service(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner, system: 'shop' },
  };
}

const entities: Entity[] = [
  service('orders', 'team-a'),
  service('payments', 'team-a'),
  service('secret-service', 'team-b'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-b' },
    spec: { type: 'team', children: [] },
  },
];

/** The catalog hides `secret-service` from users (the plugin's own reads see everything). */
function catalogWithVisibility() {
  const backing = catalogServiceMock({ entities });
  const forUser = (options: unknown) =>
    (options as { credentials?: { principal?: { type?: string } } } | undefined)
      ?.credentials?.principal?.type === 'user';
  const secret = (e: Entity | undefined) =>
    e?.metadata.name === 'secret-service';
  return catalogServiceMock.mock({
    queryEntities: async (req, options) => {
      const page = await backing.queryEntities(req, options);
      return forUser(options)
        ? { ...page, items: page.items.filter(e => !secret(e)) }
        : page;
    },
    getEntitiesByRefs: async (req, options) => {
      const result = await backing.getEntitiesByRefs(req, options);
      return forUser(options)
        ? { items: result.items.map(e => (secret(e) ? undefined : e)) }
        : result;
    },
  });
}

/**
 * `denied` is refused every microservices permission; everyone else is allowed them, and
 * catalog reads are conditional (visibility then comes from the catalog).
 */
const policy = mockServices.permissions.mock({
  authorize: async (requests, options) => {
    const principal = (options?.credentials as any)?.principal;
    const denied =
      principal?.type === 'user' &&
      principal.userEntityRef === 'user:default/denied';
    return requests.map(() => ({
      result: denied ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    }));
  },
  authorizeConditional: async requests =>
    requests.map(() => ({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: [] },
      },
    })),
});

interface Route {
  method: 'get' | 'post';
  path: string;
  /** Needs a permission (all but the plugin's own /health). */
  permission: boolean;
  body?: { type: string; text: string };
}

const ROUTES: Route[] = [
  { method: 'get', path: '/health', permission: false },
  { method: 'get', path: '/services', permission: true },
  { method: 'get', path: '/services/default/orders', permission: true },
  { method: 'get', path: '/services/default/orders/history', permission: true },
  { method: 'get', path: '/services/default/orders/health', permission: true },
  { method: 'get', path: '/checks', permission: true },
  { method: 'get', path: '/summary', permission: true },
  { method: 'get', path: '/summary/history', permission: true },
  { method: 'post', path: '/evaluate', permission: true },
  {
    method: 'post',
    path: '/validate',
    permission: true,
    body: {
      type: 'application/yaml',
      text: 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: new-one\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n',
    },
  },
];

const user = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);

describe('auth on every route', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  function call(route: Route, authorization?: string) {
    let req = request(server)[route.method](`/api/microservices${route.path}`);
    if (authorization) req = req.set('Authorization', authorization);
    if (route.body)
      req = req.set('Content-Type', route.body.type).send(route.body.text);
    return req;
  }

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        microservicesPlugin,
        catalogWithVisibility().factory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: { microservices: { schedule: { initialDelay: { hours: 1 } } } },
        }),
        policy.factory,
      ],
    }));
    const run = await request(server)
      .post('/api/microservices/evaluate')
      .set('Authorization', user('setup'));
    if (run.status !== 200 || run.body.serviceCount !== 3) {
      throw new Error(`setup evaluation failed: ${run.status} ${run.text}`);
    }
  });

  it.each(ROUTES.map(r => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s: 401 without credentials, 401 with a bad token, 403 when the policy denies',
    async (_, route) => {
      const none = await call(route);
      expect(none.status).toBe(401);
      expect(none.body.error.name).toBe('AuthenticationError');
      const bad = await call(route, 'Bearer not-a-token');
      expect(bad.status).toBe(401);
      const denied = await call(route, user('denied'));
      expect(denied.status).toBe(route.permission ? 403 : 200);
      expect(denied.body.error?.name).toBe(
        route.permission ? 'NotAllowedError' : undefined,
      );
      expect(
        /^Missing permission microservices\./.test(
          denied.body.error?.message ?? '',
        ),
      ).toBe(route.permission);
      // A service principal is let in like a user (other plugins call the API).
      const asService = await call(route, mockCredentials.service.header());
      expect(asService.status).toBeLessThan(400);
    },
  );

  const hidden = 'secret-service';
  // Each view, and how many services it counts for a user who may see 2 of the 3.
  it.each([
    ['list', '/services?limit=500', (b: any) => b.totalCount, 2],
    [
      'list, searched',
      `/services?search=${hidden}`,
      (b: any) => b.totalCount,
      0,
    ],
    [
      'list, filtered by owner',
      '/services?owner=group:default/team-b',
      (b: any) => b.totalCount,
      0,
    ],
    ['summary', '/summary', (b: any) => b.serviceCount, 2],
    [
      'summary trend',
      '/summary/history',
      (b: any) => b.items.at(-1).serviceCount,
      2,
    ],
  ])(
    '%s shows only what the catalog lets the user see',
    async (_, path, countOf, expected) => {
      const res = await request(server)
        .get(`/api/microservices${path}`)
        .set('Authorization', user('alice'));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(hidden);
      expect(countOf(res.body)).toBe(expected);
    },
  );

  it.each(['', '/history', '/health'])(
    'GET /services/default/secret-service%s is a 404 to the user, as if it did not exist',
    async suffix => {
      const res = await request(server)
        .get(`/api/microservices/services/default/${hidden}${suffix}`)
        .set('Authorization', user('alice'));
      expect(res.status).toBe(404);
      const missing = await request(server)
        .get(`/api/microservices/services/default/does-not-exist${suffix}`)
        .set('Authorization', user('alice'));
      // Same answer as for a service that does not exist: nothing to learn from it.
      expect(missing.status).toBe(404);
      expect(res.body.error.message.replace(hidden, 'X')).toBe(
        missing.body.error.message.replace('does-not-exist', 'X'),
      );
      // The same service, visible to the service principal that evaluates.
      const own = await request(server)
        .get(`/api/microservices/services/default/${hidden}${suffix}`)
        .set('Authorization', mockCredentials.service.header());
      expect(own.status).toBe(200);
    },
  );
});
