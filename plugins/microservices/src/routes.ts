import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The services overview, where the plugin's page is mounted (`/microservices`).
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'microservices' });

/**
 * The architecture dashboard.
 *
 * @public
 */
export const dashboardRouteRef = createSubRouteRef({
  id: 'microservices/dashboard',
  parent: rootRouteRef,
  path: '/dashboard',
});

/** Every principle, with a short explanation. */
export const principlesRouteRef = createSubRouteRef({
  id: 'microservices/principles',
  parent: rootRouteRef,
  path: '/principles',
});

/**
 * One principle: its explanation and configured checks; each check has an anchor (its id).
 *
 * @public
 */
export const principleRouteRef = createSubRouteRef({
  id: 'microservices/principle',
  parent: rootRouteRef,
  path: '/principles/:principleId',
});
