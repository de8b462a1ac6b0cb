import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { rootRouteRef } from '../../routes';
import { HealthStatusCountsCard } from './HealthStatusCountsCard';

describe('HealthStatusCountsCard', () => {
  it('counts services per status, linking to the filtered overview', async () => {
    await renderInTestApp(
      <HealthStatusCountsCard
        health={[
          { status: 'healthy', count: 33 },
          { status: 'degraded', count: 3 },
          { status: 'unhealthy', count: 2 },
          { status: 'unknown', count: 0 },
        ]}
      />,
      { mountedRoutes: { '/microservices': rootRouteRef } },
    );
    const unhealthy = screen.getByRole('link', {
      name: '2 unhealthy services: show them',
    });
    expect(unhealthy).toHaveAttribute(
      'href',
      '/microservices?health=unhealthy',
    );
    expect(
      screen.getByRole('link', { name: '33 healthy services: show them' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Unknown')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /unknown/ }),
    ).not.toBeInTheDocument();
  });

  it('says when nothing is evaluated', async () => {
    await renderInTestApp(<HealthStatusCountsCard health={[]} />);
    expect(screen.getByText('No service evaluated yet.')).toBeInTheDocument();
  });
});
