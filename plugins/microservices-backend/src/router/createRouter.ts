import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  SUMMARY_HISTORY_DEFAULT_LIMIT,
  microservicesEvaluatePermission,
  microservicesReadPermission,
  microservicesValidatePermission,
} from '@microservices-backstage/plugin-microservices-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { MicroservicesService } from '../service/MicroservicesService';
import type { ProposalValidator } from '../service/ProposalValidator';
import { principalKey } from '../service/principalKey';
import { ShortLivedCache } from '../service/ShortLivedCache';
import { readProposalBody } from './readProposalBody';
import { sendJsonBody } from './sendJsonBody';
import {
  MethodNotAllowedError,
  TooManyRequestsError,
} from '../service/httpErrors';
import {
  describeZodError,
  entityNameSchema,
  healthHistoryQuerySchema,
  historyQuerySchema,
  noQuerySchema,
  serviceListQuerySchema,
  summaryHistoryQuerySchema,
} from './schemas';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  microservices: MicroservicesService;
  /** `POST /validate`; absent: 404. */
  proposals?: ProposalValidator;
}

/** Parses input; `name` names a path parameter in the message (`name: ...`). */
function parse<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  name?: string,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const message = describeZodError(result.error);
    throw new InputError(
      name ? `${name}: ${message.replace(/^request /, '')}` : message,
    );
  }
  return result.data;
}

/**
 * How long a caller's permission decision is reused. Every route asks for one; under load
 * the same caller asks many times a second, and each answer is a request to the permission
 * backend. A changed policy applies to a caller within this time.
 */
export const PERMISSION_DECISION_TTL_MS = 5_000;

/** Each path registered on the router with its methods (HEAD with GET). */
function allowedMethods(router: express.Router): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  for (const layer of router.stack) {
    const route = layer.route as
      | { path: string; methods: Record<string, boolean> }
      | undefined;
    if (!route) continue;
    const methods = paths.get(route.path) ?? [];
    for (const method of Object.keys(route.methods)) {
      if (method === '_all') continue;
      methods.push(method.toUpperCase());
      if (method === 'get') methods.push('HEAD');
    }
    paths.set(route.path, [...new Set(methods)]);
  }
  return paths;
}

/** The HTTP API; thin: authenticate, authorize, parse input, delegate. See openapi.yaml. */
export function createRouter(options: RouterOptions): express.Router {
  const { httpAuth, permissions, microservices, proposals } = options;
  const router = Router();
  // No body parser for all routes: a route that takes a body parses it itself, bounded, and
  // never echoes it back.

  const decisions = new ShortLivedCache<AuthorizeResult>({
    ttlMs: PERMISSION_DECISION_TTL_MS,
  });

  async function authorize(req: express.Request, permission: BasicPermission) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const result = await decisions.get(
      `${principalKey(credentials)}\n${permission.name}`,
      async () =>
        (
          await permissions.authorize([{ permission }], { credentials })
        )[0].result,
    );
    if (result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return credentials;
  }

  function serviceRef(params: { namespace: string; name: string }) {
    const namespace = parse(entityNameSchema, params.namespace, 'namespace');
    const name = parse(entityNameSchema, params.name, 'name');
    return `component:${namespace}/${name}`.toLocaleLowerCase('en-US');
  }

  router.get('/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    parse(noQuerySchema, req.query);
    res.json({ status: 'ok' });
  });

  router.get('/services', async (req, res) => {
    const credentials = await authorize(req, microservicesReadPermission);
    const query = parse(serviceListQuerySchema, req.query);
    res.json(await microservices.listServices(query, credentials));
  });

  router.get('/services/:namespace/:name', async (req, res) => {
    const credentials = await authorize(req, microservicesReadPermission);
    const ref = serviceRef(req.params);
    parse(noQuerySchema, req.query);
    const service = await microservices.getServiceBody(ref, credentials);
    if (!service) throw new NotFoundError(`No compliance result for ${ref}`);
    sendJsonBody(res, service);
  });

  router.get('/services/:namespace/:name/history', async (req, res) => {
    const credentials = await authorize(req, microservicesReadPermission);
    const ref = serviceRef(req.params);
    const query = parse(historyQuerySchema, req.query);
    const history = await microservices.getHistory(ref, query, credentials);
    if (!history) throw new NotFoundError(`No compliance result for ${ref}`);
    res.json({ entityRef: ref, items: history });
  });

  router.get('/services/:namespace/:name/health', async (req, res) => {
    const credentials = await authorize(req, microservicesReadPermission);
    const ref = serviceRef(req.params);
    const query = parse(healthHistoryQuerySchema, req.query);
    const health = await microservices.getServiceHealth(
      ref,
      query,
      credentials,
    );
    if (!health) throw new NotFoundError(`No compliance result for ${ref}`);
    res.json(health);
  });

  router.get('/checks', async (req, res) => {
    await authorize(req, microservicesReadPermission);
    parse(noQuerySchema, req.query);
    res.json({ items: microservices.listChecks() });
  });

  router.get('/summary', async (req, res) => {
    const credentials = await authorize(req, microservicesReadPermission);
    parse(noQuerySchema, req.query);
    sendJsonBody(res, await microservices.getSummaryBody(credentials));
  });

  router.get('/summary/history', async (req, res) => {
    const credentials = await authorize(req, microservicesReadPermission);
    const { limit } = parse(summaryHistoryQuerySchema, req.query);
    res.json({
      items: await microservices.getSummaryHistory(
        limit ?? SUMMARY_HISTORY_DEFAULT_LIMIT,
        credentials,
      ),
    });
  });

  router.post('/evaluate', async (req, res) => {
    const credentials = await authorize(req, microservicesEvaluatePermission);
    parse(noQuerySchema, req.query);
    try {
      res.json(await microservices.evaluateNow(principalKey(credentials)));
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  });

  router.post('/validate', async (req, res) => {
    const credentials = await authorize(req, microservicesValidatePermission);
    parse(noQuerySchema, req.query);
    if (!proposals) throw new NotFoundError('Validation is not available');
    const input = await readProposalBody(req, res);
    res.json(await proposals.validate(input, credentials));
  });

  // Register every route above. A known path with another method: 405 with the methods it
  // has, as JSON like every error.
  for (const [path, methods] of allowedMethods(router)) {
    router.all(path, (req, res) => {
      res.setHeader('Allow', methods.join(', '));
      throw new MethodNotAllowedError(
        `${req.method} is not allowed on ${req.baseUrl}${
          req.path
        }; allowed: ${methods.join(', ')}`,
      );
    });
  }

  return router;
}
