/*
 * A caller's permission decision is asked once per few seconds (issue 11: every request asked
 * the permission backend), never shared with another caller, and asked again after it expires.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { PERMISSION_DECISION_TTL_MS, createRouter } from './createRouter';

function app(permissions: ReturnType<typeof mockServices.permissions.mock>) {
  const server = express();
  server.use(
    createRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      permissions,
      microservices: { listChecks: () => [] } as any,
    }),
  );
  // Errors answered as in a backend: 401, 403.
  server.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return server;
}

describe('permission decisions', () => {
  afterEach(() => jest.useRealTimers());

  it('asks once per caller and permission within the TTL, and again after it', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    const authorize = jest.fn(async (requests: any[], options: any) =>
      requests.map(() => ({
        result:
          options.credentials.principal.userEntityRef === 'user:default/denied'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    );
    const server = app(
      mockServices.permissions.mock({ authorize: authorize as any }),
    );
    const as = (user: string) =>
      mockCredentials.user.header(`user:default/${user}`);

    for (let i = 0; i < 3; i++) {
      expect(
        (await request(server).get('/checks').set('Authorization', as('alice')))
          .status,
      ).toBe(200);
    }
    expect(authorize).toHaveBeenCalledTimes(1);
    // Another caller has its own decision: a denied user is not let in by alice's.
    expect(
      (await request(server).get('/checks').set('Authorization', as('denied')))
        .status,
    ).toBe(403);
    expect(
      (await request(server).get('/checks').set('Authorization', as('denied')))
        .status,
    ).toBe(403);
    expect(authorize).toHaveBeenCalledTimes(2);
    // Still no credentials, no entry.
    expect((await request(server).get('/checks')).status).toBe(401);

    jest.advanceTimersByTime(PERMISSION_DECISION_TTL_MS + 1);
    expect(
      (await request(server).get('/checks').set('Authorization', as('alice')))
        .status,
    ).toBe(200);
    expect(authorize).toHaveBeenCalledTimes(3);
  });
});
