import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  orderServiceDetail,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderEntityComponent } from '../../__testUtils__/renderEntityComponent';
import { EntityDependenciesCard } from './EntityDependenciesCard';

describe('EntityDependenciesCard', () => {
  it('lists upstream, downstream, datastores and APIs, and marks a shared datastore', async () => {
    const catalogApi = { getEntitiesByRefs: jest.fn() };
    await renderEntityComponent(<EntityDependenciesCard />, {
      api: { getService: jest.fn().mockResolvedValue(orderServiceDetail) },
      catalogApi,
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
    expect(within(resources).getByText(/\(datastore\)/)).toBeInTheDocument();
    // Everything comes from the backend's result: no second catalog call.
    expect(catalogApi.getEntitiesByRefs).not.toHaveBeenCalled();

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
          cycle: ['component:default/checkout-service'],
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

  it('draws and lists an entity that is not in the catalog as missing, never as a link', async () => {
    await renderEntityComponent(<EntityDependenciesCard />, {
      api: {
        getService: jest.fn().mockResolvedValue({
          ...orderServiceDetail,
          upstream: [
            ...orderServiceDetail.upstream,
            {
              entityRef: 'component:default/legacy-crm',
              via: 'dependsOn',
              kind: 'component',
              exists: false,
              datastore: false,
            },
          ],
        }),
      },
    });
    const upstream = await screen.findByRole('region', { name: 'Depends on' });
    const item = within(upstream).getByText('legacy-crm');
    expect(item.closest('a')).toBeNull();
    expect(
      within(upstream).getByText('not in the catalog'),
    ).toBeInTheDocument();
    const graph = screen.getByTestId('dependency-graph');
    const node = within(graph).getByText('legacy-crm');
    expect(node.closest('a')).toBeNull();
    expect(node.closest('[data-missing]')).not.toBeNull();
    expect(
      screen.getByText(/1 reference names no entity in the catalog/),
    ).toBeInTheDocument();
    // Every link in the card leads to an entity that exists.
    for (const link of screen.getAllByRole('link')) {
      expect(link.getAttribute('href')).not.toMatch(/legacy-crm/);
    }
  });

  it('shows dependencyOf edges like the others, saying who declared them', async () => {
    await renderEntityComponent(<EntityDependenciesCard />, {
      api: {
        getService: jest.fn().mockResolvedValue({
          ...orderServiceDetail,
          downstream: [
            {
              entityRef: 'component:default/gateway',
              via: 'dependencyOf',
              kind: 'component',
              exists: true,
              datastore: false,
            },
          ],
        }),
      },
    });
    const downstream = await screen.findByRole('region', {
      name: 'Depended on by',
    });
    expect(within(downstream).getByText('gateway')).toBeInTheDocument();
    expect(
      within(downstream).getByText(/dependencyOf declared by this service/),
    ).toBeInTheDocument();
  });

  it('collapses more than 12 neighbours into "+N more" and expands them', async () => {
    const many = Array.from({ length: 15 }, (_, i) => ({
      entityRef: `component:default/caller-${i}`,
      via: 'dependsOn' as const,
      kind: 'component',
      exists: true,
      datastore: false,
    }));
    await renderEntityComponent(<EntityDependenciesCard />, {
      api: {
        getService: jest
          .fn()
          .mockResolvedValue({ ...orderServiceDetail, downstream: many }),
      },
    });
    const graph = await screen.findByTestId('dependency-graph');
    const more = within(graph).getByRole('button', { name: 'Show 4 more' });
    expect(more).toHaveTextContent('+4 more');
    expect(within(graph).queryByText('caller-9')).toBeNull();
    await userEvent.click(more);
    expect(within(graph).getByText('caller-9')).toBeInTheDocument();
    // The list below always has them all.
    const downstream = screen.getByRole('region', { name: 'Depended on by' });
    expect(within(downstream).getAllByRole('listitem')).toHaveLength(15);
  });

  it('says when there is nothing to show', async () => {
    await renderEntityComponent(<EntityDependenciesCard />, {
      api: {
        getService: jest.fn().mockResolvedValue({
          ...orderServiceDetail,
          upstream: [],
          downstream: [],
          sharedDatastores: [],
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
