import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { microservicesHealthSourcesExtensionPoint } from '@microservices-backstage/plugin-microservices-node';
import request from 'supertest';
import { microservicesPlugin } from '../plugin';

jest.setTimeout(30_000);

const ANNOTATION = 'microservices.backstage.io/health-endpoint';

function service(name: string, endpoint?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(endpoint ? { annotations: { [ANNOTATION]: endpoint } } : {}),
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

async function startEndpoints() {
  let connections = 0;
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/up') return res.end('{"status":"UP"}');
    if (req.url === '/warn') return res.end('{"status":"warn"}');
    res.statusCode = 500;
    return res.end('{"status":"DOWN"}');
  });
  server.on('connection', () => connections++);
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () => new Promise(r => server.close(r)),
  };
}

const asUser = () => mockCredentials.user.header('user:default/alice');

async function start(
  entities: Entity[],
  options: { health?: object; modules?: any[] } = {},
) {
  // The test runs the scheduled tasks itself.
  const tasks = new Map<string, (signal: AbortSignal) => Promise<void>>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, task.fn as any);
    },
  });
  const { server } = await startTestBackend({
    features: [
      microservicesPlugin,
      scheduler.factory,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          microservices: {
            schedule: { initialDelay: { hours: 1 } },
            ...(options.health ? { health: options.health } : {}),
          },
        },
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ...(options.modules ?? []),
    ],
  });
  await request(server)
    .post('/api/microservices/evaluate')
    .set('Authorization', asUser());
  const probe = tasks.get('microservices-health-probe');
  if (!probe) throw new Error('the health task was not scheduled');
  await probe(new AbortController().signal);
  return server;
}

describe('health in the API', () => {
  let endpoints: Awaited<ReturnType<typeof startEndpoints>>;
  beforeAll(async () => {
    endpoints = await startEndpoints();
  });
  afterAll(async () => {
    await endpoints.close();
  });

  it('probes declared endpoints and serves health in lists, detail, filter, order and history', async () => {
    const server = await start(
      [
        service('orders', `${endpoints.base}/up`),
        service('payments', `${endpoints.base}/down`),
        service('search', `${endpoints.base}/warn`),
        service('legacy'),
        service('sneaky', `http://user:pw@127.0.0.1:1/`),
      ],
      {
        health: {
          allowedHosts: ['127.0.0.1'],
          allowedRanges: ['127.0.0.1/32'],
          timeout: { seconds: 2 },
        },
      },
    );

    const list = await request(server)
      .get('/api/microservices/services?orderBy=name')
      .set('Authorization', asUser());
    const byName = Object.fromEntries(
      list.body.items.map((s: any) => [s.name, s.health]),
    );
    expect(byName.orders).toMatchObject({ status: 'healthy', httpStatus: 200 });
    expect(byName.orders.latencyMs).toEqual(expect.any(Number));
    expect(byName.payments).toMatchObject({
      status: 'unhealthy',
      httpStatus: 500,
    });
    expect(byName.search).toMatchObject({ status: 'degraded' });
    expect(byName.legacy).toMatchObject({ status: 'unknown' });
    expect(byName.legacy.message).toContain('no health endpoint declared');
    expect(byName.sneaky.status).toBe('unknown');
    expect(byName.sneaky.message).toContain('refused');

    const filtered = await request(server)
      .get('/api/microservices/services?health=healthy,degraded&orderBy=name')
      .set('Authorization', asUser());
    expect(filtered.body.items.map((s: any) => s.name)).toEqual([
      'orders',
      'search',
    ]);
    expect(filtered.body.totalCount).toBe(2);

    const ordered = await request(server)
      .get('/api/microservices/services?orderBy=health&limit=2')
      .set('Authorization', asUser());
    expect(ordered.body.items.map((s: any) => s.name)).toEqual([
      'payments',
      'search',
    ]);
    expect(ordered.body.totalCount).toBe(5);

    const bad = await request(server)
      .get('/api/microservices/services?health=sick')
      .set('Authorization', asUser());
    expect(bad.status).toBe(400);

    const history = await request(server)
      .get('/api/microservices/services/default/orders/health')
      .set('Authorization', asUser());
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({
      entityRef: 'component:default/orders',
      current: { status: 'healthy' },
      uptime24h: 1,
      uptime7d: 1,
    });
    expect(history.body.points).toHaveLength(1);

    const summary = await request(server)
      .get('/api/microservices/summary')
      .set('Authorization', asUser());
    expect(summary.body.health).toEqual(
      expect.arrayContaining([
        { status: 'healthy', count: 1 },
        { status: 'unhealthy', count: 1 },
        { status: 'degraded', count: 1 },
        { status: 'unknown', count: 2 },
      ]),
    );

    // A refused URL is shown as the latest health but not kept as history.
    const refused = await request(server)
      .get('/api/microservices/services/default/sneaky/health')
      .set('Authorization', asUser());
    expect(refused.body).toMatchObject({
      current: { status: 'unknown' },
      uptime24h: null,
      points: [],
    });

    const missing = await request(server)
      .get('/api/microservices/services/default/nope/health')
      .set('Authorization', asUser());
    expect(missing.status).toBe(404);
    const anonymous = await request(server).get(
      '/api/microservices/services/default/orders/health',
    );
    expect(anonymous.status).toBe(401);
  });

  it('probes nothing by default (allowedHosts empty)', async () => {
    const before = endpoints.connections();
    const server = await start([service('orders', `${endpoints.base}/up`)]);
    const one = await request(server)
      .get('/api/microservices/services/default/orders')
      .set('Authorization', asUser());
    expect(one.body.health.status).toBe('unknown');
    expect(one.body.health.message).toContain('allowedHosts is empty');
    expect(endpoints.connections()).toBe(before);
  });

  it("serves a custom source's status and probes only what it does not report", async () => {
    const statusPage = createBackendModule({
      pluginId: 'microservices',
      moduleId: 'status-page-health',
      register(reg) {
        reg.registerInit({
          deps: { health: microservicesHealthSourcesExtensionPoint },
          async init({ health }) {
            health.addHealthSources(
              {
                id: 'broken',
                async probe() {
                  throw new Error('status page down');
                },
              },
              {
                id: 'garbage',
                async probe(targets) {
                  // An unknown status is ignored: the next source or the prober decides.
                  return new Map(
                    targets.map(t => [t.entityRef, { status: 'bogus' } as any]),
                  );
                },
              },
            );
            health.addHealthSources({
              id: 'status-page',
              async probe(targets) {
                return new Map(
                  targets
                    .filter(t => t.entity.metadata.name === 'orders')
                    .map(t => [
                      t.entityRef,
                      {
                        status: 'degraded',
                        message: 'status page: partial outage',
                      },
                    ]),
                );
              },
            });
          },
        });
      },
    });
    const server = await start(
      [
        service('orders', `${endpoints.base}/up`),
        service('payments', `${endpoints.base}/up`),
      ],
      {
        modules: [statusPage],
        health: {
          allowedHosts: ['127.0.0.1'],
          allowedRanges: ['127.0.0.1/32'],
        },
      },
    );
    const list = await request(server)
      .get('/api/microservices/services?orderBy=name')
      .set('Authorization', asUser());
    expect(
      list.body.items.map((s: any) => [
        s.name,
        s.health.status,
        s.health.message,
      ]),
    ).toEqual([
      ['orders', 'degraded', 'status page: partial outage'],
      ['payments', 'healthy', 'HTTP 200, body says UP'],
    ]);
  });

  it('refuses to start with invalid health configuration, naming the key', async () => {
    for (const [health, key] of [
      [
        { allowedRanges: ['10.0.0.0/99'] },
        'microservices.health.allowedRanges',
      ],
      [{ allowedHosts: ['ex*ample.com'] }, 'microservices.health.allowedHosts'],
      [{ concurrency: 0 }, 'microservices.health.concurrency'],
      [{ timeout: 'soon' }, 'microservices.health.timeout'],
      [
        { retention: { maxAgeDays: -1 } },
        'microservices.health.retention.maxAgeDays',
      ],
      [{ schedule: { frequency: 'often' } }, 'microservices.health.schedule'],
    ] as const) {
      await expect(start([], { health })).rejects.toThrow(key);
    }
  });
});
