import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { landscapeSummary } from '../../__testUtils__/fixtures';
import { renderPage } from '../../__testUtils__/renderPage';
import { MicroservicesRouter } from './MicroservicesRouter';

const api = {
  listServices: jest
    .fn()
    .mockResolvedValue({ items: [], totalCount: 0, offset: 0, limit: 20 }),
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
