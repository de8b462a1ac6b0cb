import { ReactElement } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { MicroservicesApi, microservicesApiRef } from '../api';
import { rootRouteRef } from '../routes';

/** Renders one of the plugin's pages, mounted at `/microservices`, with a mocked backend. */
export function renderPage(
  element: ReactElement,
  options: { api: Partial<MicroservicesApi>; url?: string },
) {
  return renderInTestApp(
    <TestApiProvider apis={[[microservicesApiRef, options.api]]}>
      {element}
    </TestApiProvider>,
    {
      routeEntries: [options.url ?? '/microservices'],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/microservices': rootRouteRef,
      },
    },
  );
}
