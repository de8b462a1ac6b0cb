/*
 * A Backstage backend with the catalog, guest sign-in, permissions, the scaffolder and
 * the microservices plugin.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Allow-all by default; replace this module with your own policy module.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));
// microservices:validate (and publish:local-folder when configured) for the New microservice template.
backend.add(
  import(
    '@microservices-backstage/plugin-scaffolder-backend-module-microservices'
  ),
);

backend.add(import('@microservices-backstage/plugin-microservices-backend'));
// Demo only: health endpoints for the demo landscape, when microservicesDemo is configured.
backend.add(import('./demoHealthEndpoints'));

backend.start();
