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
import type { EntityComplianceCardProps } from './components/EntityComplianceCard';

/**
 * The microservices frontend plugin (legacy frontend system).
 *
 * @public
 */
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
 *
 * @public
 */
export const MicroservicesPage: () => JSX.Element = microservicesPlugin.provide(
  createRoutableExtension({
    name: 'MicroservicesPage',
    component: () =>
      import('./components/MicroservicesRouter').then(
        m => m.MicroservicesRouter,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Score, level and failing checks, for a service's entity page.
 *
 * @public
 */
export const EntityComplianceCard: (
  props: EntityComplianceCardProps,
) => JSX.Element = microservicesPlugin.provide(
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
 *
 * @public
 */
export const EntityMicroserviceScorecardContent: () => JSX.Element =
  microservicesPlugin.provide(
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

/**
 * Owning team, its parent, contact, members and on-call of a service.
 *
 * @public
 */
export const EntityServiceOwnershipCard: (props: {
  variant?: 'gridItem';
}) => JSX.Element = microservicesPlugin.provide(
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

/**
 * Upstream and downstream of a service as a graph and as lists.
 *
 * @public
 */
export const EntityDependenciesCard: (props: {
  variant?: 'gridItem';
}) => JSX.Element = microservicesPlugin.provide(
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

/**
 * The health of a service (status, latency, last check), or plainly unknown.
 *
 * @public
 */
export const EntityHealthCard: (props: {
  variant?: 'gridItem';
}) => JSX.Element = microservicesPlugin.provide(
  createComponentExtension({
    name: 'EntityHealthCard',
    component: {
      lazy: () =>
        import('./components/EntityHealthCard').then(m => m.EntityHealthCard),
    },
  }),
);
