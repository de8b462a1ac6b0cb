import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { identityApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type {
  LandscapeSummary,
  ServiceSummary,
} from '@microservices-backstage/plugin-microservices-common';
import { microservicesApiRef, MicroservicesApi } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  PrefetchedServiceList,
  prefetchServiceList,
} from '../../hooks/useServiceList';
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

const summary: LandscapeSummary = {
  serviceCount: 2,
  averageScore: 90,
  principles: [],
  byOwner: [
    { key: 'group:default/team-checkout', serviceCount: 1, averageScore: 87 },
    { key: 'group:default/orders-team', serviceCount: 1, averageScore: 93 },
  ],
  bySystem: [
    { key: 'system:default/storefront', serviceCount: 2, averageScore: 90 },
  ],
  byDomain: [
    { key: 'domain:default/commerce', serviceCount: 2, averageScore: 90 },
  ],
  levels: [
    { level: 'gold', count: 1 },
    { level: 'silver', count: 1 },
  ],
  health: [{ status: 'unknown', count: 2 }],
  filterOptions: {
    owners: ['group:default/orders-team', 'group:default/team-checkout'],
    systems: ['system:default/storefront'],
    domains: ['domain:default/commerce'],
    lifecycles: ['production'],
    levels: ['gold', 'silver', 'bronze', 'none'],
  },
  sharedDatastores: [],
  cycles: [],
};

function page(items: ServiceSummary[], totalCount = items.length) {
  return { items, totalCount, offset: 0, limit: 20 };
}

function LocationDisplay() {
  const location = useLocation();
  return (
    <div data-testid="location">{decodeURIComponent(location.search)}</div>
  );
}

function renderPage(
  api: Partial<MicroservicesApi>,
  options: {
    url?: string;
    ownershipEntityRefs?: string[];
    prefetchedList?: PrefetchedServiceList;
  } = {},
) {
  const identityApi = mockApis.identity({
    userEntityRef: 'user:default/ada',
    ownershipEntityRefs: options.ownershipEntityRefs ?? ['user:default/ada'],
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          microservicesApiRef,
          { getSummary: jest.fn().mockResolvedValue(summary), ...api },
        ],
        [identityApiRef, identityApi],
      ]}
    >
      <ServicesPage prefetchedList={options.prefetchedList} />
      <LocationDisplay />
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

const location = () => screen.getByTestId('location').textContent;

describe('ServicesPage', () => {
  it('shows each service with owner, system, lifecycle, health, score, level and counts', async () => {
    const listServices = jest.fn().mockResolvedValue(page([checkout]));
    await renderPage({ listServices });
    expect(await screen.findByText('checkout')).toBeInTheDocument();
    const row = screen.getByText('checkout').closest('tr')!;
    expect(within(row).getByText('team-checkout')).toBeInTheDocument();
    expect(within(row).getByText('storefront')).toBeInTheDocument();
    expect(within(row).getByText('commerce')).toBeInTheDocument();
    expect(within(row).getByText('production')).toBeInTheDocument();
    expect(within(row).getByText('Unknown')).toBeInTheDocument();
    expect(within(row).getByText('87')).toBeInTheDocument();
    expect(within(row).getByLabelText('Level silver')).toBeInTheDocument();
    // Failing principles by the names the filter uses.
    expect(
      within(row)
        .getByText('Complexity: monitoring, logging and tracing')
        .closest('a'),
    ).toHaveAttribute('href', '/microservices/principles/observability');
    expect(within(row).getByText('team-checkout').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/group/team-checkout',
    );
    expect(
      screen.getByText(/Health is “Unknown” for every service on this page/),
    ).toBeInTheDocument();
    expect(screen.getByText('Services (1)')).toBeInTheDocument();
    expect(listServices).toHaveBeenCalledWith({ offset: 0, limit: 20 });
  });

  it('marks an owner that is a person, and keeps long names whole', async () => {
    const listServices = jest.fn().mockResolvedValue(
      page([
        {
          ...checkout,
          name: 'recommendations-service',
          owner: 'user:default/marek.nowak',
          failingPrinciples: [
            'observability',
            'devops',
            'security',
            'decomposition',
          ],
        },
      ]),
    );
    await renderPage({ listServices });
    const link = await screen.findByRole('link', {
      name: 'recommendations-service',
    });
    // A line break opportunity after each hyphen, none inside words.
    expect(link.innerHTML).toContain('recommendations-<wbr>service');
    const row = link.closest('tr')!;
    expect(within(row).getByText('marek.nowak')).toBeInTheDocument();
    expect(within(row).getByText(/\(user\)/)).toBeInTheDocument();
    expect(within(row).getByTitle('A person')).toBeInTheDocument();
    // At most three lines of failing principles.
    expect(within(row).getByText('DevOps Culture')).toBeInTheDocument();
    expect(within(row).getByText('and 2 more')).toHaveAttribute(
      'title',
      'Security, Decomposition',
    );
  });

  it('offers the filter values the backend computed', async () => {
    const listServices = jest.fn().mockResolvedValue(page([checkout]));
    await renderPage({ listServices });
    await screen.findByText('checkout');
    await userEvent.click(screen.getByLabelText('Level'));
    expect(
      (await screen.findAllByRole('option')).map(o => o.textContent),
    ).toEqual(['gold', 'silver', 'bronze', 'none']);
  });

  it('reads filters, sorting and paging from the URL', async () => {
    const listServices = jest.fn().mockResolvedValue(page([checkout], 41));
    await renderPage(
      { listServices },
      {
        url: '/microservices?owner=orders-team&level=gold&orderBy=score&order=desc&page=3',
      },
    );
    await screen.findByText('checkout');
    expect(listServices).toHaveBeenCalledWith({
      owner: ['group:default/orders-team'],
      level: ['gold'],
      orderBy: 'score',
      order: 'desc',
      offset: 40,
      limit: 20,
    });
    // The chosen filter shows as a chip in its control.
    expect(
      screen.getByRole('button', { name: 'orders-team' }),
    ).toBeInTheDocument();
  });

  it('puts a chosen owner in the URL and asks the backend for it', async () => {
    const listServices = jest.fn().mockResolvedValue(page([checkout]));
    await renderPage({ listServices });
    await screen.findByText('checkout');
    const owner = screen.getByLabelText('Owner');
    await userEvent.click(owner);
    await userEvent.click(
      await screen.findByRole('option', { name: 'orders-team' }),
    );
    await waitFor(() =>
      expect(location()).toBe('?owner=group:default/orders-team'),
    );
    await waitFor(() =>
      expect(listServices).toHaveBeenLastCalledWith({
        owner: ['group:default/orders-team'],
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('searches once typing pauses', async () => {
    const listServices = jest.fn().mockResolvedValue(page([checkout]));
    await renderPage({ listServices });
    await screen.findByText('checkout');
    fireEvent.change(screen.getByLabelText('Search services'), {
      target: { value: 'check' },
    });
    await waitFor(() => expect(location()).toBe('?search=check'));
    await waitFor(() =>
      expect(listServices).toHaveBeenLastCalledWith({
        search: 'check',
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('sorts on the server when a column header is clicked', async () => {
    const listServices = jest.fn().mockResolvedValue(page([checkout]));
    await renderPage({ listServices });
    await screen.findByText('checkout');
    await userEvent.click(
      screen.getByRole('button', { name: 'Score and level' }),
    );
    await waitFor(() => expect(location()).toBe('?orderBy=score'));
    await waitFor(() =>
      expect(listServices).toHaveBeenLastCalledWith({
        orderBy: 'score',
        order: 'asc',
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('shows only the services of the signed-in user\'s groups with "Only mine"', async () => {
    const listServices = jest.fn().mockResolvedValue(page([checkout]));
    await renderPage(
      { listServices },
      {
        ownershipEntityRefs: [
          'user:default/ada',
          'group:default/team-checkout',
        ],
      },
    );
    await screen.findByText('checkout');
    await userEvent.click(screen.getByLabelText(/Only mine/));
    await waitFor(() => expect(location()).toBe('?mine=true'));
    await waitFor(() =>
      expect(listServices).toHaveBeenLastCalledWith({
        owner: ['user:default/ada', 'group:default/team-checkout'],
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('says so when no service matches the filters, and clears them', async () => {
    const listServices = jest.fn().mockResolvedValue(page([]));
    await renderPage({ listServices }, { url: '/microservices?level=bronze' });
    expect(
      await screen.findByText('No services match these filters.'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(location()).toBe(''));
  });

  it('says so when there are no services yet', async () => {
    await renderPage({ listServices: jest.fn().mockResolvedValue(page([])) });
    expect(
      await screen.findByText('No services evaluated yet'),
    ).toBeInTheDocument();
  });

  it('explains a backend failure without a stack trace, and retries', async () => {
    const listServices = jest
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValue(page([checkout]));
    await renderPage({ listServices });
    expect(
      await screen.findByText(
        /Could not reach the microservices backend to load the services/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/at Object\./)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('checkout')).toBeInTheDocument();
  });

  it('shows the rows of a request started before the page, without asking again', async () => {
    const listServices = jest.fn().mockResolvedValue(page([checkout]));
    const prefetchedList = prefetchServiceList(
      { listServices },
      { offset: 0, limit: 20 },
    );
    await prefetchedList.promise;
    await renderPage({ listServices }, { prefetchedList });
    // In the first render: no progress bar before the rows.
    expect(screen.getByText('checkout')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(listServices).toHaveBeenCalledTimes(1);
  });

  it('asks again when the request started before the page was for another page', async () => {
    const listServices = jest.fn().mockResolvedValue(page([checkout], 41));
    const prefetchedList = prefetchServiceList(
      { listServices },
      { offset: 0, limit: 20 },
    );
    await renderPage(
      { listServices },
      { url: '/microservices?page=2', prefetchedList },
    );
    expect(await screen.findByText('checkout')).toBeInTheDocument();
    expect(listServices).toHaveBeenLastCalledWith({ offset: 20, limit: 20 });
  });

  it('asks for the summary only once the rows are there', async () => {
    let showRows: (value: ReturnType<typeof page>) => void = () => {};
    const listServices = jest.fn().mockReturnValue(
      new Promise(resolve => {
        showRows = resolve;
      }),
    );
    const getSummary = jest.fn().mockResolvedValue(summary);
    await renderPage({ listServices, getSummary });
    expect(listServices).toHaveBeenCalled();
    expect(getSummary).not.toHaveBeenCalled();
    await act(async () => showRows(page([checkout])));
    expect(await screen.findByText('checkout')).toBeInTheDocument();
    await waitFor(() => expect(getSummary).toHaveBeenCalledTimes(1));
  });

  it('says under the table title, not above the table, when the results are stale', async () => {
    const listServices = jest.fn().mockResolvedValue(page([checkout]));
    const getSummary = jest.fn().mockResolvedValue({
      ...summary,
      stale: true,
      evaluatedAt: '2026-12-01T09:30:00.000Z',
    });
    await renderPage({ listServices, getSummary });
    const notice = await screen.findByText(/^The latest evaluation failed/);
    expect(notice).toHaveTextContent('2026');
    // In the table's toolbar, next to its title: the rows do not move when it appears.
    expect(
      within(notice.parentElement!).getByText('Services (1)'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
