/*
 * The backend of the Tech Insights side by side (npm run bench:tech-insights): the catalog,
 * guest sign-in, allow-all permissions, the microservices plugin with five extra checks, and
 * Backstage Tech Insights with its json-rules-engine fact checker. Which checks of ours run
 * and which Tech Insights checks exist is configuration (written by the bench script).
 */
import { createBackend } from '@backstage/backend-defaults';
import { techInsightsParityChecksModule } from './techInsightsParityChecks';

const backend = createBackend();

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@microservices-backstage/plugin-microservices-backend'));
backend.add(techInsightsParityChecksModule);

backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);

backend.start();
