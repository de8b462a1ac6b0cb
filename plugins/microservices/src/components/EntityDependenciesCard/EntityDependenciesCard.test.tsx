import { screen, within } from '@testing-library/react';
import {
  orderServiceDetail,
  ordersDbEntity,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderEntityComponent } from '../../__testUtils__/renderEntityComponent';
import { EntityDependenciesCard } from './EntityDependenciesCard';

describe('EntityDependenciesCard', () => {
  it('lists upstream, downstream, datastores and APIs, and marks a shared datastore', async () => {
    await renderEntityComponent(<EntityDependenciesCard />, {
      api: { getService: jest.fn().mockResolvedValue(orderServiceDetail) },
      catalogEntities: [ordersDbEntity],
    });
    expect(
      await screen.findByText(
        /This service shares a datastore with another team or system/,
      ),
    ).toBeInTheDocument();

    const upstream = screen.getByRole('region', { name: 'Depends on' });
    expect(within(upstream).getByText('auth-service')).toBeInTheDocument();
    expect(within(upstream).getByText('auth-api')).toBeInTheDocument();

    const downstream = screen.getByRole('region', { name: 'Depended on by' });
    expect(
      within(downstream).getByText('checkout-service'),
    ).toBeInTheDocument();

    const resources = screen.getByRole('region', {
      name: 'Datastores and other resources',
    });
    expect(within(resources).getByText('orders-db')).toBeInTheDocument();
    expect(
      within(resources).getByText('shared with another team or system'),
    ).toBeInTheDocument();
    expect(
      await within(resources).findByText(/\(database, datastore\)/),
    ).toBeInTheDocument();

    expect(
      within(screen.getByRole('region', { name: 'APIs provided' })).getByText(
        'order-api',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'APIs consumed' })).getByText(
        'auth-api',
      ),
    ).toBeInTheDocument();

    // The graph is there too, described for screen readers.
    expect(
      await screen.findByLabelText(
        /Dependency graph: 1 dependents .* 2 dependencies/,
      ),
    ).toBeInTheDocument();
  });

  it('marks the members of a dependency cycle', async () => {
    await renderEntityComponent(<EntityDependenciesCard />, {
      api: {
        getService: jest.fn().mockResolvedValue({
          ...orderServiceDetail,
          checks: [
            {
              id: 'fault-isolation.no-dependency-cycle',
              principle: 'fault-isolation',
              status: 'fail',
              message: '',
              remediation: '',
              weight: 3,
              related: ['component:default/checkout-service'],
            },
          ],
        }),
      },
    });
    expect(
      await screen.findByText(/This service is on a dependency cycle/),
    ).toBeInTheDocument();
    const downstream = screen.getByRole('region', { name: 'Depended on by' });
    expect(
      within(downstream).getByText('in a dependency cycle'),
    ).toBeInTheDocument();
  });

  it('says when there is nothing to show', async () => {
    await renderEntityComponent(<EntityDependenciesCard />, {
      api: {
        getService: jest.fn().mockResolvedValue({
          ...orderServiceDetail,
          upstream: [],
          downstream: [],
          checks: [],
        }),
      },
      entity: { ...orderServiceEntityWithoutRelations() },
    });
    expect(
      await screen.findByText(
        'This service declares no dependencies, and nothing depends on it.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Provides no API.')).toBeInTheDocument();
  });

  it('says when the service has not been evaluated, and explains failures', async () => {
    const { unmount } = await renderEntityComponent(
      <EntityDependenciesCard />,
      {
        api: {
          getService: jest.fn().mockRejectedValue(await responseError(404)),
        },
      },
    );
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
    unmount();
    await renderEntityComponent(<EntityDependenciesCard />, {
      api: { getService: jest.fn().mockRejectedValue(new Error('nope')) },
    });
    expect(
      await screen.findByText(/Could not load the dependencies/),
    ).toBeInTheDocument();
  });
});

function orderServiceEntityWithoutRelations() {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'lonely-service', namespace: 'default' },
    spec: { type: 'service', owner: 'orders-team' },
  };
}
