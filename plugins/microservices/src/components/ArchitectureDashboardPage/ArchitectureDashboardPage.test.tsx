import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { landscapeSummary, responseError } from '../../__testUtils__/fixtures';
import { renderPage } from '../../__testUtils__/renderPage';
import { ArchitectureDashboardPage } from './ArchitectureDashboardPage';

const noHistory = jest.fn().mockResolvedValue([]);

describe('ArchitectureDashboardPage', () => {
  it('shows the landscape figures, each linking to the filtered overview', async () => {
    await renderPage(<ArchitectureDashboardPage />, {
      api: {
        getSummary: jest.fn().mockResolvedValue(landscapeSummary),
        getSummaryHistory: noHistory,
      },
    });
    expect(
      await screen.findByRole('link', { name: '39 services: show them all' }),
    ).toHaveAttribute('href', '/microservices');
    // The average the backend computed, over every service (with or without owner).
    expect(screen.getByText('81')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: '10 services at level gold: show them',
      }),
    ).toHaveAttribute('href', '/microservices?level=gold');
    const levels = screen.getByRole('table', { name: 'Services per level' });
    expect(
      within(levels)
        .getAllByRole('row')
        .slice(1)
        .map(r => r.textContent),
    ).toEqual(['gold10', 'silver12', 'bronze9', 'none8']);
    expect(
      screen.getByRole('link', {
        name: 'Average score 97 of orders-team: show its services',
      }),
    ).toHaveAttribute(
      'href',
      '/microservices?owner=group%3Adefault%2Forders-team',
    );
    expect(
      screen.getByRole('link', { name: '2 services of order-management' }),
    ).toHaveAttribute(
      'href',
      '/microservices?system=system%3Adefault%2Forder-management',
    );
    expect(
      screen.getByRole('link', { name: '14 services of fulfillment' }),
    ).toBeInTheDocument();
  });

  it('says when the figures are from before a failed run', async () => {
    await renderPage(<ArchitectureDashboardPage />, {
      api: {
        getSummary: jest.fn().mockResolvedValue({
          ...landscapeSummary,
          stale: true,
          evaluatedAt: '2026-12-01T09:30:00.000Z',
        }),
        getSummaryHistory: noHistory,
      },
    });
    expect(
      await screen.findByText(
        /The latest evaluation failed; these results are from the last one that succeeded/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the pass rate per principle as a chart and a table', async () => {
    await renderPage(<ArchitectureDashboardPage />, {
      api: {
        getSummary: jest.fn().mockResolvedValue(landscapeSummary),
        getSummaryHistory: noHistory,
      },
    });
    expect(
      await screen.findByRole('img', {
        name: /pass rate per principle, worst first.*lowest: Security at 95%.*axis starts at 80%/i,
      }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Pass rate per principle',
    });
    const rows = within(table).getAllByRole('row');
    // Header, then principles in the backend's order (worst first).
    expect(rows.slice(1).map(r => r.querySelector('th')?.textContent)).toEqual([
      'Security',
      'Decentralized Data Management',
      'Data Consistency',
    ]);
    expect(within(rows[2]).getByText('96%')).toBeInTheDocument();
    // Counts of services, as many as the filtered overview lists.
    expect(
      within(rows[2]).getByRole('link', {
        name: '2 services fail Decentralized Data Management: show them',
      }),
    ).toHaveAttribute(
      'href',
      '/microservices?failingPrinciple=decentralized-data',
    );
    expect(within(rows[2]).getByText('38')).toBeInTheDocument();
    expect(
      within(rows[3]).getByText('no applicable check'),
    ).toBeInTheDocument();
  });

  it('shows the services without an owner, system or domain in a "(none)" row, not linked', async () => {
    await renderPage(<ArchitectureDashboardPage />, {
      api: {
        getSummary: jest.fn().mockResolvedValue(landscapeSummary),
        getSummaryHistory: noHistory,
      },
    });
    const none = await screen.findByText('(none)');
    const row = none.closest('tr')!;
    expect(within(row).getByText('3')).toBeInTheDocument();
    expect(within(row).queryByRole('link')).toBeNull();
  });

  it('lists up to 12 teams, the rest behind "Show all", and marks a person owning services', async () => {
    const byOwner = Array.from({ length: 14 }, (_, i) => ({
      key: i === 0 ? 'user:default/marek.nowak' : `group:default/team-${i}`,
      serviceCount: 1,
      averageScore: 50 + i,
    }));
    await renderPage(<ArchitectureDashboardPage />, {
      api: {
        getSummary: jest
          .fn()
          .mockResolvedValue({ ...landscapeSummary, byOwner }),
        getSummaryHistory: noHistory,
      },
    });
    const teams = await screen.findByRole('table', { name: 'By team' });
    expect(within(teams).getAllByRole('row')).toHaveLength(13);
    expect(within(teams).getByText('marek.nowak')).toBeInTheDocument();
    expect(within(teams).getByText(/\(user\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show all 14' }));
    expect(within(teams).getAllByRole('row')).toHaveLength(15);
  });

  it('warns about shared datastores and dependency cycles, naming the services', async () => {
    await renderPage(<ArchitectureDashboardPage />, {
      api: {
        getSummary: jest.fn().mockResolvedValue(landscapeSummary),
        getSummaryHistory: noHistory,
      },
    });
    expect(
      await screen.findByText(/1 datastore is shared across teams or systems/),
    ).toBeInTheDocument();
    const shared = screen.getByRole('table', { name: 'Shared datastores' });
    expect(within(shared).getByText('orders-db')).toBeInTheDocument();
    expect(within(shared).getByText('loyalty-service')).toBeInTheDocument();
    expect(within(shared).getByText('order-service')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Show the services that share a datastore',
      }),
    ).toHaveAttribute(
      'href',
      '/microservices?failingCheck=decentralized-data.no-shared-datastore',
    );
    expect(
      screen.getByText(/^Warning: 1 dependency cycle$/),
    ).toBeInTheDocument();
    const cycles = screen.getByRole('list', { name: 'Dependency cycles' });
    expect(within(cycles).getByText('inventory-service')).toBeInTheDocument();
  });

  it('charts the trend over the latest evaluations', async () => {
    const getSummaryHistory = jest.fn().mockResolvedValue([
      {
        evaluatedAt: '2026-11-28T10:00:00.000Z',
        serviceCount: 38,
        averageScore: 91,
        levels: [],
      },
      {
        evaluatedAt: '2026-11-29T10:00:00.000Z',
        serviceCount: 39,
        averageScore: 97,
        levels: [],
      },
    ]);
    await renderPage(<ArchitectureDashboardPage />, {
      api: {
        getSummary: jest.fn().mockResolvedValue(landscapeSummary),
        getSummaryHistory,
      },
    });
    expect(
      await screen.findByRole('img', {
        name: /average score over time.*from 91 .* to 97 .* over 2 evaluations/,
      }),
    ).toBeInTheDocument();
    expect(getSummaryHistory).toHaveBeenCalledWith(90);
  });

  it('keeps the dashboard when only the trend fails', async () => {
    await renderPage(<ArchitectureDashboardPage />, {
      api: {
        getSummary: jest.fn().mockResolvedValue(landscapeSummary),
        getSummaryHistory: jest
          .fn()
          .mockRejectedValue(await responseError(500, 'no history')),
      },
    });
    expect(
      await screen.findByText(/failed to load the landscape history/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Shared datastores' }),
    ).toBeInTheDocument();
  });

  it('says when nothing is shared and there is no cycle', async () => {
    await renderPage(<ArchitectureDashboardPage />, {
      api: {
        getSummaryHistory: noHistory,
        getSummary: jest.fn().mockResolvedValue({
          ...landscapeSummary,
          sharedDatastores: [],
          cycles: [],
        }),
      },
    });
    expect(
      await screen.findByText(
        'No datastore is shared across teams or systems.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('No dependency cycle.')).toBeInTheDocument();
  });

  it('says when no service has been evaluated', async () => {
    await renderPage(<ArchitectureDashboardPage />, {
      api: {
        getSummary: jest.fn().mockResolvedValue({
          ...landscapeSummary,
          serviceCount: 0,
          principles: [],
          byOwner: [],
          bySystem: [],
          byDomain: [],
          levels: [],
          sharedDatastores: [],
          cycles: [],
        }),
      },
    });
    expect(
      await screen.findByText('No services evaluated yet'),
    ).toBeInTheDocument();
  });

  it('explains a backend failure', async () => {
    await renderPage(<ArchitectureDashboardPage />, {
      api: {
        getSummary: jest
          .fn()
          .mockRejectedValue(await responseError(403, 'Missing permission')),
      },
    });
    expect(
      await screen.findByText(/Not allowed to read the landscape summary/),
    ).toBeInTheDocument();
  });
});
