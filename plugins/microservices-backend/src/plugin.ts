import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  CheckDefinition,
  microservicesPermissions,
} from '@microservices-backstage/plugin-microservices-common';
import {
  HealthSource,
  microservicesChecksExtensionPoint,
  microservicesHealthSourcesExtensionPoint,
} from '@microservices-backstage/plugin-microservices-node';
import { createHealthService } from './health/createHealthService';
import { readPluginConfig } from './config/readPluginConfig';
import { migrateToLatest } from './database/migrateToLatest';
import { KnexMicroservicesStore } from './database/KnexMicroservicesStore';
import { createRouter } from './router/createRouter';
import type express from 'express';
import { databaseUnavailableHandler } from './router/databaseUnavailable';
import { notFoundHandler } from './router/notFound';
import { CatalogReader } from './service/CatalogReader';
import { ProposalValidator } from './service/ProposalValidator';
import { LandscapeEvaluator } from './service/LandscapeEvaluator';
import { MicroservicesService } from './service/MicroservicesService';

/**
 * Scores every service of the catalog against the microservice principles.
 *
 * @public
 */
export const microservicesPlugin = createBackendPlugin({
  pluginId: 'microservices',
  register(env) {
    const customChecks: CheckDefinition[] = [];
    env.registerExtensionPoint(microservicesChecksExtensionPoint, {
      addChecks(...checks) {
        customChecks.push(...checks);
      },
    });

    const healthSources: HealthSource[] = [];
    env.registerExtensionPoint(microservicesHealthSourcesExtensionPoint, {
      addHealthSources(...sources) {
        healthSources.push(...sources);
      },
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { logger, scheduler } = deps;
        // Invalid configuration stops start-up here, with the key in the message.
        const config = readPluginConfig(
          deps.config,
          customChecks.map(c => c.id),
        );

        const db = await deps.database.getClient();
        if (!deps.database.migrations?.skip) {
          await migrateToLatest(db, {
            directory: resolvePackagePath(
              '@microservices-backstage/plugin-microservices-backend',
              'migrations',
            ),
            logger,
          });
        }
        const store = new KnexMicroservicesStore(db);
        const catalog = new CatalogReader(
          deps.catalog,
          deps.auth,
          deps.permissions,
        );
        const evaluator = new LandscapeEvaluator({
          catalog,
          store,
          logger,
          engineConfig: config.engine,
          history: config.history,
          customChecks,
        });
        const health = await createHealthService({
          db,
          config: config.health,
          sources: healthSources,
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          scheduler,
        });
        const microservices = new MicroservicesService({
          store,
          catalog,
          evaluator,
          logger,
          health,
        });

        deps.permissionsRegistry.addPermissions(microservicesPermissions);

        await scheduler.scheduleTask({
          id: 'microservices-evaluate-catalog',
          ...config.schedule,
          fn: async () => {
            await microservices.evaluateNow();
          },
        });

        deps.httpRouter.use(
          createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            microservices,
            proposals: new ProposalValidator({
              catalog: deps.catalog,
              engineConfig: config.engine,
              customChecks,
            }),
          }),
        );
        // No such route: a JSON 404. The database away (restart, failover): 503 with
        // Retry-After, not a 500.
        deps.httpRouter.use(notFoundHandler);
        // An error handler (four arguments): express runs it for errors of the routes above;
        // httpRouter's type knows request handlers only.
        deps.httpRouter.use(
          databaseUnavailableHandler as unknown as express.Handler,
        );
      },
    });
  },
});
