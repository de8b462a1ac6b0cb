/*
 * Faults survived (issue 10): the catalog unavailable or failing mid-run, adopters' checks
 * that throw, return promises or take too long, and the database away.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { microservicesChecksExtensionPoint } from '@microservices-backstage/plugin-microservices-node';
import type { CheckDefinition } from '@microservices-backstage/plugin-microservices-common';
import express from 'express';
import request from 'supertest';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { microservicesPlugin } from './plugin';
import {
  databaseUnavailableHandler,
  isDatabaseUnavailable,
} from './router/databaseUnavailable';
import { guardCustomChecks } from './service/guardCustomChecks';
import { CATALOG_PAGE_SIZE } from './service/queryAllEntities';

jest.setTimeout(60_000);

/** More services than one catalog page, so that a failure can come mid-read. */
const SERVICE_COUNT = CATALOG_PAGE_SIZE + 20;

function service(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      system: 'shop',
    },
  };
}

const entities: Entity[] = [
  ...Array.from({ length: SERVICE_COUNT }, (_, i) => service(`svc-${i}`)),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a' },
    spec: { type: 'team', children: [] },
  },
];

type CatalogMode = 'ok' | 'down' | 'fails-mid-run';

/** A catalog that can be taken down, or made to fail on its second page. */
function faultyCatalog(state: { mode: CatalogMode }) {
  const backing = catalogServiceMock({ entities });
  return catalogServiceMock.mock({
    queryEntities: async (req, options) => {
      if (state.mode === 'down') {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7007'), {
          code: 'ECONNREFUSED',
        });
      }
      if (state.mode === 'fails-mid-run' && req && 'cursor' in req) {
        throw Object.assign(
          new Error('Request failed with 500 Internal Server Error'),
          {
            statusCode: 500,
          },
        );
      }
      return backing.queryEntities(req, options);
    },
    getEntitiesByRefs: (req, options) =>
      backing.getEntitiesByRefs(req, options),
  });
}

const asUser = (name = 'alice') =>
  mockCredentials.user.header(`user:default/${name}`);

describe('faults', () => {
  const state: { mode: CatalogMode } = { mode: 'ok' };
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const get = (path: string) =>
    request(server)
      .get(`/api/microservices${path}`)
      .set('Authorization', asUser());
  // Each evaluation as another caller: the manual rate limit is not what is tested here.
  let caller = 0;
  const evaluate = () =>
    request(server)
      .post('/api/microservices/evaluate')
      .set('Authorization', asUser(`caller-${caller++}`));

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        microservicesPlugin,
        faultyCatalog(state).factory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: { microservices: { schedule: { initialDelay: { hours: 1 } } } },
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    }));
  });

  it.each<CatalogMode>(['down', 'fails-mid-run'])(
    'catalog %s: the run fails, earlier results stay served as stale, the next run recovers',
    async mode => {
      state.mode = 'ok';
      const first = await evaluate();
      expect(first.status).toBe(200);
      expect(first.body.serviceCount).toBe(SERVICE_COUNT);
      const before = await get('/services?limit=1');
      const { evaluatedAt } = before.body.items[0];
      expect(before.body.items[0].stale).toBeUndefined();

      state.mode = mode;
      const failed = await evaluate();
      expect(failed.status).toBe(503);
      expect(failed.body.error.message).toMatch(
        /^The catalog could not be read/,
      );
      expect(JSON.stringify(failed.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);

      // Nothing of the failed run is visible: every service, as evaluated before, stale.
      const pages = [];
      for (let offset = 0; offset < SERVICE_COUNT; offset += 500) {
        pages.push(await get(`/services?limit=500&offset=${offset}`));
      }
      expect(pages.every(p => p.status === 200)).toBe(true);
      expect(pages[0].body.totalCount).toBe(SERVICE_COUNT);
      const items = pages.flatMap(p => p.body.items);
      expect(items).toHaveLength(SERVICE_COUNT);
      expect(new Set(items.map((s: any) => s.evaluatedAt))).toEqual(
        new Set([evaluatedAt]),
      );
      expect(items.every((s: any) => s.stale === true)).toBe(true);
      const detail = await get('/services/default/svc-1');
      expect(detail.body).toMatchObject({ evaluatedAt, stale: true });
      const summary = await get('/summary');
      expect(summary.body).toMatchObject({
        serviceCount: SERVICE_COUNT,
        stale: true,
      });
      const history = await get('/services/default/svc-1/history');
      expect(history.status).toBe(200);

      state.mode = 'ok';
      const recovered = await evaluate();
      expect(recovered.status).toBe(200);
      const after = await get('/services/default/svc-1');
      expect(after.body.stale).toBeUndefined();
      expect(after.body.evaluatedAt > evaluatedAt).toBe(true);
      expect((await get('/summary')).body.stale).toBeUndefined();
    },
  );
});

describe('custom checks that misbehave', () => {
  const behaving: CheckDefinition = {
    id: 'acme.fine',
    principle: 'devops',
    title: 'Fine',
    description: 'Passes',
    defaultWeight: 1,
    evaluate: () => ({ status: 'pass', message: 'fine' }),
  };
  const throwing: CheckDefinition = {
    ...behaving,
    id: 'acme.throws',
    evaluate: () => {
      throw new Error('boom');
    },
  };
  const neverSettles: CheckDefinition = {
    ...behaving,
    id: 'acme.hangs-async',
    evaluate: (() => new Promise(() => {})) as any,
  };
  const rejectsLater: CheckDefinition = {
    ...behaving,
    id: 'acme.rejects-async',
    evaluate: (() =>
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('late')), 10),
      )) as any,
  };
  let slowCalls = 0;
  const slow: CheckDefinition = {
    ...behaving,
    id: 'acme.slow',
    evaluate: () => {
      slowCalls += 1;
      const until = Date.now() + 20;
      while (Date.now() < until) {
        // a check that takes its time (synchronously)
      }
      return { status: 'pass', message: 'eventually' };
    },
  };

  it('are reported per check and per service, bounded in time, and the run goes on', async () => {
    const { server } = await startTestBackend({
      features: [
        microservicesPlugin,
        catalogServiceMock.factory({
          entities: entities.slice(0, 20).concat(entities.slice(-1)),
        }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: { microservices: { schedule: { initialDelay: { hours: 1 } } } },
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        createBackendModule({
          pluginId: 'microservices',
          moduleId: 'misbehaving-checks',
          register(env) {
            env.registerInit({
              deps: { checks: microservicesChecksExtensionPoint },
              async init({ checks }) {
                checks.addChecks(
                  behaving,
                  throwing,
                  neverSettles,
                  rejectsLater,
                  slow,
                );
              },
            });
          },
        }),
      ],
    });
    const started = Date.now();
    const run = await request(server)
      .post('/api/microservices/evaluate')
      .set('Authorization', asUser());
    expect(run.status).toBe(200);
    expect(run.body.serviceCount).toBe(20);
    // 20 ms a call is under the 2 s limit: the slow check runs on every service (the
    // timeout itself is the next test's).
    expect(Date.now() - started).toBeLessThan(20_000);
    const detail = await request(server)
      .get('/api/microservices/services/default/svc-3')
      .set('Authorization', asUser());
    const byId = Object.fromEntries(
      detail.body.checks.map((c: any) => [c.id, c]),
    );
    expect(byId['acme.fine']).toMatchObject({ status: 'pass' });
    expect(byId['acme.throws']).toMatchObject({
      status: 'error',
      message: 'boom',
    });
    expect(byId['acme.hangs-async']).toMatchObject({
      status: 'error',
      message: expect.stringContaining('returned a promise'),
    });
    expect(byId['acme.rejects-async']).toMatchObject({ status: 'error' });
    expect(byId['acme.slow']).toMatchObject({ status: 'pass' });
    expect(slowCalls).toBe(20);
    // The late rejection is swallowed, not an unhandled rejection.
    await new Promise(r => setTimeout(r, 50));
  });

  it('a check over its time limit is reported as timed out and skipped for the run', () => {
    let clock = 0;
    let calls = 0;
    const [guarded] = guardCustomChecks(
      [
        {
          ...behaving,
          evaluate: () => {
            calls += 1;
            clock += 500; // each call "takes" 500 ms
            return { status: 'pass', message: 'late' };
          },
        },
      ],
      { timeoutMs: 100, now: () => clock },
    );
    const entity = service('a');
    expect(() => guarded.evaluate(entity, {} as any)).toThrow(
      'Timed out: took 500 ms, limit 100 ms',
    );
    expect(() => guarded.evaluate(service('b'), {} as any)).toThrow(
      /^Skipped: the check timed out \(took 500 ms on a, limit 100 ms\)/,
    );
    expect(calls).toBe(1);
    // A new run starts over.
    const [again] = guardCustomChecks([{ ...behaving }], {
      timeoutMs: 100,
      now: () => 0,
    });
    expect(again.evaluate(entity, {} as any)).toEqual({
      status: 'pass',
      message: 'fine',
    });
  });
});

describe('the database away', () => {
  it('recognises connection failures, not query bugs', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
      }),
      Object.assign(
        new Error('terminating connection due to administrator command'),
        {
          code: '57P01',
        },
      ),
      Object.assign(new Error('the database system is starting up'), {
        code: '57P03',
      }),
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('Knex: Timeout acquiring a connection.'), {
        name: 'KnexTimeoutError',
      }),
      new Error('select failed', { cause: { code: 'ECONNRESET' } }),
    ]) {
      expect({
        message: error.message,
        unavailable: isDatabaseUnavailable(error),
      }).toEqual({
        message: error.message,
        unavailable: true,
      });
    }
    for (const error of [
      Object.assign(new Error('syntax error at or near "selec"'), {
        code: '42601',
      }),
      new Error('boom'),
      undefined,
      'a string',
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });

  it('answers 503 with Retry-After and a short JSON message, no stack and no driver text', async () => {
    const app = express();
    app.get('/down', () => {
      throw Object.assign(
        new Error(
          'connect ECONNREFUSED 127.0.0.1:5432 at /srv/app/node_modules/pg/lib/client.js:132',
        ),
        { code: 'ECONNREFUSED' },
      );
    });
    app.get('/bug', () => {
      throw new Error('a bug');
    });
    app.use(databaseUnavailableHandler);
    app.use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
      }).error({ showStackTraces: false }),
    );
    const down = await request(app).get('/down');
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.body.error).toEqual({
      name: 'ServiceUnavailableError',
      message: 'The microservices database is unavailable; try again shortly',
    });
    expect(JSON.stringify(down.body)).not.toMatch(
      /node_modules|ECONNREFUSED|stack/,
    );
    expect((await request(app).get('/bug')).status).toBe(500);
  });
});
