import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { LandscapeTrendChart, describeTrend } from './LandscapeTrendChart';

const point = (day: number, averageScore: number, serviceCount = 39) => ({
  evaluatedAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  serviceCount,
  averageScore,
  levels: [
    { level: 'silver', count: 5 },
    { level: 'gold', count: serviceCount - 5 },
  ],
});

describe('LandscapeTrendChart', () => {
  it('summarizes the trend in words', () => {
    expect(describeTrend([])).toBe('No landscape history.');
    expect(describeTrend([point(1, 90)])).toMatch(
      /^One evaluation: average score 90 over 39 services/,
    );
    expect(describeTrend([point(1, 90, 38), point(2, 97)])).toMatch(
      /from 90 .* to 97 .* over 2 evaluations; 39 services at the latest\./,
    );
  });

  it('offers the data as a table with the level counts, latest first', async () => {
    await renderInTestApp(
      <LandscapeTrendChart history={[point(2, 97), point(1, 90, 38)]} />,
    );
    expect(
      screen.getByRole('img', { name: /average score over time/ }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show as a table' }),
    );
    const rows = within(
      screen.getByRole('table', { name: 'Landscape trend' }),
    ).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('97');
    expect(rows[1]).toHaveTextContent('gold 34, silver 5');
    expect(rows[2]).toHaveTextContent('38');
  });
});
