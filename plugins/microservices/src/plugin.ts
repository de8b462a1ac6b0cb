import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MicroservicesClient, microservicesApiRef } from './api';
import {
  dashboardRouteRef,
  principleRouteRef,
  principlesRouteRef,
  rootRouteRef,
} from './routes';

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
    dashboard: dashboardRouteRef,
    principles: principlesRouteRef,
    principle: principleRouteRef,
  },
});

/**
 * The plugin's pages, mounted at one path (e.g. `/microservices`): the services overview at
 * the path itself, the architecture dashboard at `dashboard`, the principles at `principles`.
 */
export const MicroservicesPage = microservicesPlugin.provide(
  createRoutableExtension({
    name: 'MicroservicesPage',
    component: () =>
      import('./components/MicroservicesRouter').then(
        m => m.MicroservicesRouter,
      ),
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

/**
 * The full scorecard of a service (checks by principle, score history), for an entity page
 * tab, e.g. `<EntityLayout.Route path="/compliance" title="Compliance">`.
 */
export const EntityMicroserviceScorecardContent = microservicesPlugin.provide(
  createComponentExtension({
    name: 'EntityMicroserviceScorecardContent',
    component: {
      lazy: () =>
        import('./components/EntityScorecardContent').then(
          m => m.EntityScorecardContent,
        ),
    },
  }),
);

/** Owning team, its parent, contact, members and on-call of a service. */
export const EntityServiceOwnershipCard = microservicesPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceOwnershipCard',
    component: {
      lazy: () =>
        import('./components/EntityServiceOwnershipCard').then(
          m => m.EntityServiceOwnershipCard,
        ),
    },
  }),
);

/** Upstream and downstream of a service as a graph and as lists. */
export const EntityDependenciesCard = microservicesPlugin.provide(
  createComponentExtension({
    name: 'EntityDependenciesCard',
    component: {
      lazy: () =>
        import('./components/EntityDependenciesCard').then(
          m => m.EntityDependenciesCard,
        ),
    },
  }),
);

/** The health of a service (status, latency, last check), or plainly unknown. */
export const EntityHealthCard = microservicesPlugin.provide(
  createComponentExtension({
    name: 'EntityHealthCard',
    component: {
      lazy: () =>
        import('./components/EntityHealthCard').then(m => m.EntityHealthCard),
    },
  }),
);
