import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult, BasicPermission } from '@backstage/plugin-permission-common';
import {
  SUMMARY_HISTORY_DEFAULT_LIMIT,
  microservicesEvaluatePermission,
  microservicesReadPermission,
} from '@microservices-backstage/plugin-microservices-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { MicroservicesService } from '../service/MicroservicesService';
import {
  describeZodError,
  entityNameSchema,
  healthHistoryQuerySchema,
  historyQuerySchema,
  serviceListQuerySchema,
  summaryHistoryQuerySchema,
} from './schemas';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  microservices: MicroservicesService;
}

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InputError(describeZodError(result.error));
  return result.data;
}

/** The HTTP API; thin: authenticate, authorize, parse input, delegate. See openapi.yaml. */
export function createRouter(options: RouterOptions): express.Router {
  const { httpAuth, permissions, microservices } = options;
  const router = Router();
  router.use(express.json({ limit: '100kb' }));

  async function authorize(req: express.Request, permission: BasicPermission) {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const [decision] = await permissions.authorize([{ permission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return credentials;
  }

  function serviceRef(params: { namespace: string; name: string }) {
    const namespace = parse(entityNameSchema, params.namespace);
    const name = parse(entityNameSchema, params.name);
    return `component:${namespace}/${name}`.toLocaleLowerCase('en-US');
  }

  router.get('/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
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
    const service = await microservices.getService(ref, credentials);
    if (!service) throw new NotFoundError(`No compliance result for ${ref}`);
    res.json(service);
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
    const health = await microservices.getServiceHealth(ref, query, credentials);
    if (!health) throw new NotFoundError(`No compliance result for ${ref}`);
    res.json(health);
  });

  router.get('/checks', async (req, res) => {
    await authorize(req, microservicesReadPermission);
    res.json({ items: microservices.listChecks() });
  });

  router.get('/summary', async (req, res) => {
    const credentials = await authorize(req, microservicesReadPermission);
    res.json(await microservices.getSummary(credentials));
  });

  router.get('/summary/history', async (req, res) => {
    const credentials = await authorize(req, microservicesReadPermission);
    const { limit } = parse(summaryHistoryQuerySchema, req.query);
    res.json({ items: await microservices.getSummaryHistory(limit ?? SUMMARY_HISTORY_DEFAULT_LIMIT, credentials) });
  });

  router.post('/evaluate', async (req, res) => {
    await authorize(req, microservicesEvaluatePermission);
    res.json(await microservices.evaluateNow());
  });

  return router;
}
