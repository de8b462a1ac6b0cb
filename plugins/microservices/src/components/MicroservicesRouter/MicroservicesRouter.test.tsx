import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { landscapeSummary } from '../../__testUtils__/fixtures';
import { renderPage } from '../../__testUtils__/renderPage';
import { MicroservicesRouter } from './MicroservicesRouter';

const mockListServices = jest
  .fn()
  .mockResolvedValue({ items: [], totalCount: 0, offset: 0, limit: 20 });
// What had happened when each page's code was loaded (the router loads it lazily).
const mockLoadedPages: { page: string; listRequests: number }[] = [];
jest.mock('../ServicesPage', () => {
  mockLoadedPages.push({
    page: 'services',
    listRequests: mockListServices.mock.calls.length,
  });
  return jest.requireActual('../ServicesPage');
});
jest.mock('../ArchitectureDashboardPage', () => {
  mockLoadedPages.push({
    page: 'dashboard',
    listRequests: mockListServices.mock.calls.length,
  });
  return jest.requireActual('../ArchitectureDashboardPage');
});

const api = {
  listServices: mockListServices,
  getSummary: jest.fn().mockResolvedValue(landscapeSummary),
  listChecks: jest.fn().mockResolvedValue([]),
  getSummaryHistory: jest.fn().mockResolvedValue([]),
};

function render(url: string) {
  return renderPage(
    <Routes>
      <Route path="/microservices/*" element={<MicroservicesRouter />} />
    </Routes>,
    { api, url },
  );
}

describe('MicroservicesRouter', () => {
  it("asks for the overview's first page before loading the page's code, once, and not the dashboard's code", async () => {
    await render('/microservices?owner=group%3Adefault%2Fteam-a');
    expect(
      await screen.findByText('No services match these filters.'),
    ).toBeInTheDocument();
    expect(mockLoadedPages).toEqual([{ page: 'services', listRequests: 1 }]);
    // The page takes over the router's request instead of asking again.
    expect(mockListServices).toHaveBeenCalledTimes(1);
    expect(mockListServices).toHaveBeenCalledWith({
      offset: 0,
      limit: 20,
      owner: ['group:default/team-a'],
    });
  });

  it('shows the services overview at the mount point, with tabs to the other pages', async () => {
    await render('/microservices');
    expect(
      await screen.findByText('No services evaluated yet'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Services' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      screen.getByRole('tab', { name: 'Architecture dashboard' }),
    ).toHaveAttribute('href', '/microservices/dashboard');
  });

  it('routes to the dashboard, the principles and one principle', async () => {
    const { unmount } = await render('/microservices/dashboard');
    expect(
      await screen.findByText('Pass rate per principle'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Architecture dashboard' }),
    ).toHaveAttribute('aria-selected', 'true');
    unmount();
    const second = await render('/microservices/principles');
    expect(
      screen.getByText(/Each service is scored against these principles/),
    ).toBeInTheDocument();
    second.unmount();
    await render('/microservices/principles/scalability');
    expect(
      await screen.findByText(
        /^No check of this installation covers this principle\./,
      ),
    ).toBeInTheDocument();
  });

  it('says when a page does not exist', async () => {
    await render('/microservices/nowhere');
    expect(
      await screen.findByText(/There is no such microservices page/),
    ).toBeInTheDocument();
  });
});
