/**
 * The microservices frontend plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import DeviceHubIcon from '@material-ui/icons/DeviceHub';
import { MicroservicesClient, microservicesApiRef } from './api';
import { isMicroserviceEntity } from './lib/isMicroserviceEntity';
import {
  dashboardRouteRef,
  principleRouteRef,
  principlesRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The client of the microservices backend.
 *
 * @alpha
 */
export const microservicesApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: microservicesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MicroservicesClient(deps),
    }),
});

/**
 * The services overview, architecture dashboard, principles and register page, at
 * `/microservices`; with its title and icon it is also the app's nav item. The pages draw their
 * own header and tabs, so the app's page header is left out.
 *
 * @alpha
 */
export const microservicesPage = PageBlueprint.make({
  params: {
    path: '/microservices',
    title: 'Microservices',
    icon: <DeviceHubIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/MicroservicesRouter').then(m =>
        compatWrapper(<m.MicroservicesRouter />),
      ),
  },
});

/**
 * The "Compliance" tab of a service's entity page: the full scorecard.
 *
 * @alpha
 */
export const entityScorecardContent = EntityContentBlueprint.make({
  name: 'scorecard',
  params: {
    path: 'compliance',
    title: 'Compliance',
    filter: isMicroserviceEntity,
    loader: () =>
      import('./components/EntityScorecardContent').then(m =>
        compatWrapper(<m.EntityScorecardContent />),
      ),
  },
});

/**
 * Score, level and failing checks, on a service's overview.
 *
 * @alpha
 */
export const entityComplianceCard = EntityCardBlueprint.make({
  name: 'compliance',
  params: {
    filter: isMicroserviceEntity,
    loader: () =>
      import('./components/EntityComplianceCard').then(m =>
        compatWrapper(<m.EntityComplianceCard scorecardPath="compliance" />),
      ),
  },
});

/**
 * Owning team, parent team, contact, members and on-call.
 *
 * @alpha
 */
export const entityOwnershipCard = EntityCardBlueprint.make({
  name: 'ownership',
  params: {
    type: 'info',
    filter: isMicroserviceEntity,
    loader: () =>
      import('./components/EntityServiceOwnershipCard').then(m =>
        compatWrapper(<m.EntityServiceOwnershipCard />),
      ),
  },
});

/**
 * Upstream and downstream, as a graph and as lists.
 *
 * @alpha
 */
export const entityDependenciesCard = EntityCardBlueprint.make({
  name: 'dependencies',
  params: {
    filter: isMicroserviceEntity,
    loader: () =>
      import('./components/EntityDependenciesCard').then(m =>
        compatWrapper(<m.EntityDependenciesCard />),
      ),
  },
});

/**
 * Health status and latency from the last probe, uptime and history.
 *
 * @alpha
 */
export const entityHealthCard = EntityCardBlueprint.make({
  name: 'health',
  params: {
    type: 'info',
    filter: isMicroserviceEntity,
    loader: () =>
      import('./components/EntityHealthCard').then(m =>
        compatWrapper(<m.EntityHealthCard />),
      ),
  },
});

/**
 * The microservices plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'microservices',
  title: 'Microservices',
  icon: <DeviceHubIcon fontSize="inherit" />,
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
    dashboard: convertLegacyRouteRef(dashboardRouteRef),
    principles: convertLegacyRouteRef(principlesRouteRef),
    principle: convertLegacyRouteRef(principleRouteRef),
  },
  extensions: [
    microservicesApi,
    microservicesPage,
    entityScorecardContent,
    entityComplianceCard,
    entityOwnershipCard,
    entityDependenciesCard,
    entityHealthCard,
  ],
});
