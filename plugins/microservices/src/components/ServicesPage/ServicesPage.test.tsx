import { screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ServiceSummary } from '@microservices-backstage/plugin-microservices-common';
import { microservicesApiRef, MicroservicesApi } from '../../api';
import { ServicesPage } from './ServicesPage';

const checkout: ServiceSummary = {
  entityRef: 'component:default/checkout',
  namespace: 'default',
  name: 'checkout',
  owner: 'group:default/team-checkout',
  system: 'system:default/storefront',
  domain: 'domain:default/commerce',
  lifecycle: 'production',
  score: 87,
  level: 'silver',
  failingPrinciples: ['observability'],
  failingChecks: ['observability.tracing'],
  dependencyCount: 2,
  dependentCount: 3,
  health: { status: 'unknown' },
  evaluatedAt: '2026-11-29T10:00:00.000Z',
};

function renderPage(api: Partial<MicroservicesApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[microservicesApiRef, api]]}>
      <ServicesPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('ServicesPage', () => {
  it('shows each service with owner, system, lifecycle, score and level', async () => {
    const listServices = jest.fn().mockResolvedValue({
      items: [checkout],
      totalCount: 1,
      offset: 0,
      limit: 20,
    });
    await renderPage({ listServices });
    expect(await screen.findByText('checkout')).toBeInTheDocument();
    expect(screen.getByText('team-checkout')).toBeInTheDocument();
    expect(screen.getByText('storefront')).toBeInTheDocument();
    expect(screen.getByText('production')).toBeInTheDocument();
    expect(screen.getByText('87')).toBeInTheDocument();
    expect(screen.getByLabelText('Level silver')).toBeInTheDocument();
    expect(screen.getByText('observability')).toBeInTheDocument();
    expect(listServices).toHaveBeenCalledWith(
      expect.objectContaining({ offset: 0, limit: 20 }),
    );
  });

  it('says so when there are no services yet', async () => {
    await renderPage({
      listServices: jest.fn().mockResolvedValue({ items: [], totalCount: 0, offset: 0, limit: 20 }),
    });
    expect(await screen.findByText('No services evaluated yet')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    await renderPage({
      listServices: jest.fn().mockRejectedValue(new Error('backend is down')),
    });
    await waitFor(() => expect(screen.getAllByText(/backend is down/).length).toBeGreaterThan(0));
  });
});
