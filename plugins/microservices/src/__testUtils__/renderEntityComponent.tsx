import { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { MicroservicesApi, microservicesApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { orderServiceEntity } from './fixtures';

/** Renders an entity page component with a mocked backend and catalog. */
export function renderEntityComponent(
  element: ReactElement,
  options: {
    api: Partial<MicroservicesApi>;
    entity?: Entity;
    catalogEntities?: Entity[];
    catalogApi?: unknown;
    mountPlugin?: boolean;
  },
) {
  const catalogApi =
    options.catalogApi ??
    catalogApiMock({ entities: options.catalogEntities ?? [] });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [microservicesApiRef, options.api],
        [catalogApiRef, catalogApi],
      ]}
    >
      <EntityProvider entity={options.entity ?? orderServiceEntity}>
        {element}
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(options.mountPlugin === false
          ? {}
          : { '/microservices': rootRouteRef }),
      },
    },
  );
}
