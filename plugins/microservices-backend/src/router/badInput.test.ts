/*
 * Bad input answered cleanly: the bugs found by probing the API (issue 10), each kept fixed.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import net from 'net';
import request from 'supertest';
import { microservicesPlugin } from '../plugin';

jest.setTimeout(60_000);

function service(name: string, spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      system: 'shop',
      ...spec,
    },
  };
}

const entities: Entity[] = [
  service('orders-service'),
  service('payments-service'),
  service('stock'),
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

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      microservicesPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          microservices: { schedule: { initialDelay: { hours: 1 } } },
          backend: { baseUrl: 'http://localhost:7007' },
        },
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
  return server;
}

const asUser = (name = 'alice') =>
  mockCredentials.user.header(`user:default/${name}`);

describe('bad input', () => {
  let server: Awaited<ReturnType<typeof startBackend>>;
  const get = (path: string) =>
    request(server).get(`/api/microservices${path}`).set('Authorization', asUser());

  beforeAll(async () => {
    server = await startBackend();
    const run = await request(server)
      .post('/api/microservices/evaluate')
      .set('Authorization', asUser('setup'));
    if (run.status !== 200) throw new Error(`setup evaluation failed: ${run.status}`);
  });

  it('compares history `since` as an instant, whatever its UTC offset', async () => {
    const points = await get('/services/default/stock/history');
    const at = new Date(points.body.items[0].evaluatedAt);
    // One minute after the point's clock time, but written at +01:00: the instant is 59
    // minutes before the point, so the point is included. Compared as text, the string
    // sorts after the stored `...Z` and the point was wrongly left out.
    const written = new Date(at.getTime() + 60_000)
      .toISOString()
      .replace(/\.\d+Z$/, '+01:00');
    const res = await get(
      `/services/default/stock/history?since=${encodeURIComponent(written)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    // Written at -01:00 instead, it is 61 minutes after the point: nothing.
    const after = written.replace('+01:00', '-01:00');
    const none = await get(
      `/services/default/stock/history?since=${encodeURIComponent(after)}`,
    );
    expect(none.body.items).toEqual([]);
  });

  it('refuses control characters in search instead of matching everything', async () => {
    for (const search of ['%00', 'service%00xyz', '%1F']) {
      const res = await get(`/services?search=${search}`);
      expect({ search, status: res.status }).toEqual({ search, status: 400 });
      expect(res.body.error.message).toContain(
        "'search' must not contain control characters",
      );
    }
    const plain = await get('/services?search=service');
    expect(plain.body.items.map((s: any) => s.name)).toEqual([
      'orders-service',
      'payments-service',
    ]);
  });

  it('matches the level filter case-insensitively, like the other filters', async () => {
    const lower = await get('/services?level=none');
    const upper = await get('/services?level=NONE');
    expect(lower.body.totalCount).toBe(3);
    expect(upper.body.totalCount).toBe(3);
  });

  it('names the path parameter in a 400', async () => {
    const badName = await get('/services/default/not%20valid');
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toMatch(/^name: is not a valid entity name/);
    const badNamespace = await get('/services/-x-/stock');
    expect(badNamespace.status).toBe(400);
    expect(badNamespace.body.error.message).toMatch(/^namespace: /);
  });

  it('refuses unknown query parameters on every route, one rule', async () => {
    for (const path of [
      '/health?x=1',
      '/checks?x=1',
      '/summary?x=1',
      '/summary/history?x=1',
      '/services?x=1',
      '/services/default/stock?x=1',
      '/services/default/stock/history?x=1',
    ]) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.error.message).toContain('unknown query parameter(s): x');
    }
    const evaluate = await request(server)
      .post('/api/microservices/evaluate?x=1')
      .set('Authorization', asUser('query'));
    expect(evaluate.status).toBe(400);
  });

  it('answers a wrong method with 405, Allow and a JSON body', async () => {
    const post = await request(server)
      .post('/api/microservices/services')
      .set('Authorization', asUser());
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect(post.body.error).toMatchObject({
      name: 'MethodNotAllowedError',
      message: expect.stringContaining('allowed: GET'),
    });
    const getEvaluate = await get('/evaluate');
    expect(getEvaluate.status).toBe(405);
    expect(getEvaluate.headers.allow).toBe('POST');
    const del = await request(server)
      .delete('/api/microservices/services/default/stock')
      .set('Authorization', asUser());
    expect(del.status).toBe(405);
  });

  it('parses no body where a route takes none, and never echoes one', async () => {
    const junk = `{"not json${'x'.repeat(99_000)}`;
    const res = await request(server)
      .post('/api/microservices/evaluate')
      .set('Authorization', asUser('body'))
      .set('Content-Type', 'application/json')
      .send(junk);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('not json');
    expect(JSON.stringify(res.body).length).toBeLessThan(1000);
  });

  it('answers at once a request that declares a body it never sends', async () => {
    const address = server.address() as net.AddressInfo;
    const token = asUser('slow');
    const started = Date.now();
    const response = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(address.port, '127.0.0.1', () => {
        socket.write(
          `POST /api/microservices/evaluate HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{}`,
        );
      });
      let data = '';
      socket.on('data', chunk => {
        data += chunk.toString();
        if (data.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(data);
        }
      });
      socket.on('error', reject);
      setTimeout(() => {
        socket.destroy();
        reject(new Error('no response within 20 s'));
      }, 20_000);
    });
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('rate-limits manual evaluations per caller with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    const refusals: string[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 7; i++) {
      const res = await request(server)
        .post('/api/microservices/evaluate')
        .set('Authorization', asUser('eager'));
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers['retry-after'];
        refusals.push(res.body.error.name);
      }
    }
    expect(refusals).toEqual(['TooManyRequestsError', 'TooManyRequestsError']);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another caller is not affected.
    const other = await request(server)
      .post('/api/microservices/evaluate')
      .set('Authorization', asUser('patient'));
    expect(other.status).toBe(200);
  });
});
