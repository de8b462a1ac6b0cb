import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MicroservicesClient, microservicesApiRef } from './api';
import { rootRouteRef } from './routes';

/** The microservices frontend plugin (legacy frontend system). */
export const microservicesPlugin = createPlugin({
  id: 'microservices',
  apis: [
    createApiFactory({
      api: microservicesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MicroservicesClient(deps),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/** The services overview page. */
export const MicroservicesPage = microservicesPlugin.provide(
  createRoutableExtension({
    name: 'MicroservicesPage',
    component: () =>
      import('./components/ServicesPage').then(m => m.ServicesPage),
    mountPoint: rootRouteRef,
  }),
);

/** Score, level and failing checks, for a service's entity page. */
export const EntityComplianceCard = microservicesPlugin.provide(
  createComponentExtension({
    name: 'EntityComplianceCard',
    component: {
      lazy: () =>
        import('./components/EntityComplianceCard').then(
          m => m.EntityComplianceCard,
        ),
    },
  }),
);
